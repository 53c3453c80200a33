// Indexes a large bulk load took down, to rebuild when it ends (SQLite): rebuilding an index
// once from sorted data beats updating it at random for every row of a million-person load. A
// load that dies leaves its rows here, and the next migrate rebuilds them. Not a workspace table:
// it describes the schema. Frozen once shipped.
import type { MigrationContext } from './builder.js';

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema.createTable('deferred_indexes')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('definition', 'text', (column) => column.notNull())
    .execute();
}
