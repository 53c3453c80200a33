// Helpers that keep migrations short: the columns every record table carries, and column types
// that mean the same on both databases. Migrations themselves are frozen once they ship.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect, StorageKind } from '../dialects/dialect.js';

export type ColumnSpec = [name: string, kind: StorageKind, options?: { notNull?: boolean; defaultTo?: unknown }];

export interface MigrationContext {
  db: Kysely<any>;
  dialect: Dialect;
}

export function addColumns(table: CreateTableBuilder<any, any>, dialect: Dialect, columns: readonly ColumnSpec[]) {
  let builder = table;
  for (const [name, kind, options] of columns) {
    builder = builder.addColumn(name, dialect.columnTypes[kind] as never, (column) => {
      let c = column;
      if (options?.notNull) c = c.notNull();
      if (options?.defaultTo !== undefined) c = c.defaultTo(options.defaultTo);
      return c;
    });
  }
  return builder;
}

/** workspace_id, id, version, created/updated at/by, deleted_at, custom; key (workspace_id, id). */
export async function createRecordTable({ db, dialect }: MigrationContext, table: string, columns: readonly ColumnSpec[]) {
  const system: ColumnSpec[] = [
    ['workspace_id', 'text', { notNull: true }],
    ['id', 'text', { notNull: true }],
    ['version', 'integer', { notNull: true, defaultTo: 1 }],
    ['created_at', 'text', { notNull: true }],
    ['created_by', 'text'],
    ['updated_at', 'text', { notNull: true }],
    ['updated_by', 'text'],
    ['deleted_at', 'text'],
  ];
  const custom: ColumnSpec = ['custom', 'json', { notNull: true, defaultTo: sql`'{}'` }];
  await addColumns(db.schema.createTable(table), dialect, [...system, ...columns, custom])
    .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', 'id'])
    .execute();
  await index({ db, dialect }, table, ['workspace_id', 'created_at']);
}

/** A child or link table: (workspace_id, …) with the given key. */
export async function createTable({ db, dialect }: MigrationContext, table: string, columns: readonly ColumnSpec[], key: string[]) {
  await addColumns(db.schema.createTable(table), dialect, [['workspace_id', 'text', { notNull: true }], ...columns])
    .addPrimaryKeyConstraint(`${table}_pkey`, ['workspace_id', ...key])
    .execute();
}

/** An index leading with workspace_id; `unique` ones ignore trashed records. */
export async function index({ db }: MigrationContext, table: string, columns: string[], options: { unique?: boolean; live?: boolean } = {}) {
  let builder = db.schema.createIndex(`${table}_${columns.filter((c) => c !== 'workspace_id').join('_')}_${options.unique ? 'key' : 'idx'}`).on(table).columns(columns);
  if (options.unique) builder = builder.unique();
  if (options.unique || options.live) builder = builder.where(sql.ref('deleted_at'), 'is', null);
  await builder.execute();
}
