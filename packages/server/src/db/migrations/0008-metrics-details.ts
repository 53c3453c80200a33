// Each customer's metrics detail — components, evidence and reasons, ~2 KB of JSON — moves out of
// the people and companies rows into a table of its own, keyed by the record's id. Inline, it made
// a person's row five times its size: every scan of people read the detail along (a segment's
// people, a list page), and the first full recompute of a bulk-loaded workspace grew every row in
// place, splitting and rewriting the people table several times over. The metric columns that
// filter and sort stay on the rows. Frozen once shipped.
import { sql } from 'kysely';
import { createTable, type MigrationContext } from './builder.js';

export async function up(context: MigrationContext): Promise<void> {
  const { db } = context;
  await createTable(context, 'metrics_details', [['record_id', 'text', { notNull: true }], ['detail', 'json', { notNull: true }]], ['record_id']);
  for (const table of ['people', 'companies']) {
    await sql`insert into metrics_details (workspace_id, record_id, detail) select workspace_id, id, metrics_detail from ${sql.table(table)} where metrics_detail is not null`.execute(db);
    await db.schema.alterTable(table).dropColumn('metrics_detail').execute();
  }
}
