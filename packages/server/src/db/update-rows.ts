// Many rows' new values in one statement: WITH v(id, …) AS (VALUES …) UPDATE t SET c = v.c, …
// FROM v WHERE t.id = v.id. A batch of computed columns (analytics metrics) is one compiled
// statement and one round trip instead of an UPDATE per row. It runs through the caller's scoped
// handle, so the workspace condition is added to it as to any update.
import { sql, type Kysely } from 'kysely';
import type { Dialect, StorageKind } from './dialects/dialect.js';

/** The columns written, each with how it is stored. */
export type ColumnKinds = readonly (readonly [column: string, kind: StorageKind])[];

export interface RowValues {
  id: string;
  /** One value per column, in the order of the columns. */
  values: readonly unknown[];
}

/** Bound variables per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_VARIABLES = 30_000;

/**
 * Sets `columns` of each row of `table` named by its id, in as few statements as the databases'
 * limits on bound variables allow. Rows that do not exist (or are in another workspace) are left
 * alone, and so are rows whose `onlyWhereNull` column holds a value.
 * @example await updateRows(ctx.db, ctx.dialect, 'people', [['csat', 'float']], [{ id, values: [80] }]);
 */
export async function updateRows(db: Kysely<any>, dialect: Dialect, table: string, columns: ColumnKinds, rows: readonly RowValues[], options: { onlyWhereNull?: string } = {}): Promise<void> {
  if (rows.length === 0) return;
  const names = ['id', ...columns.map(([column]) => column)];
  const kinds: StorageKind[] = ['text', ...columns.map(([, kind]) => kind)];
  const perStatement = Math.max(1, Math.floor(MAX_VARIABLES / names.length));
  const assignments = Object.fromEntries(columns.map(([column]) => [column, sql.ref(`v.${column}`)]));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement).map((row) => [row.id, ...row.values]);
    let query = db.with(`v(${names.join(', ')})`, () => dialect.typedValues(batch, kinds))
      .updateTable(table)
      .from('v')
      .set(assignments)
      .whereRef(`${table}.id`, '=', 'v.id');
    if (options.onlyWhereNull) query = query.where(`${table}.${options.onlyWhereNull}`, 'is', null);
    await query.execute();
  }
}
