import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { ScopeViolation } from './scope.js';
import { updateRows } from './update-rows.js';
import { GLOBAL_TABLES, WORKSPACE_TABLES } from './tables.js';

/** Inserts rows a thousand per statement (under both databases' bound-variable limits). */
async function insertMany(db: Kysely<any>, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) await db.insertInto(table).values(rows.slice(i, i + 1_000)).execute();
}

describe.each(DIALECTS)('database on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.close());

  it('has workspace_id leading the key of every table but the global ones', async () => {
    const tables = await test.database.system.introspection.getTables();
    const names = tables.map((table) => table.name).filter((name) => !GLOBAL_TABLES.has(name));
    expect(new Set(names)).toEqual(WORKSPACE_TABLES);
    for (const table of tables.filter((t) => WORKSPACE_TABLES.has(t.name))) {
      expect(table.columns.map((c) => c.name), table.name).toContain('workspace_id');
    }
  });

  it('scopes reads, joins, subqueries, updates and deletes to the workspace', async () => {
    const a = test.database.forWorkspace('ws-a-' + dialect);
    const b = test.database.forWorkspace('ws-b-' + dialect);
    const now = new Date().toISOString();
    for (const [db, id] of [[a, 'tag-a'], [b, 'tag-b']] as const) {
      await db.insertInto('tags').values({ id, name: id, created_at: now, updated_at: now }).execute();
    }
    expect((await a.selectFrom('tags').select('id').execute()).map((r) => r.id)).toEqual(['tag-a']);
    const joined = await a.selectFrom('tags as t').innerJoin('tags as u', 'u.name', 't.name').select('u.id').execute();
    expect(joined.map((r) => r.id)).toEqual(['tag-a']);
    const sub = await a.selectFrom('tags').where('id', 'in', (eb) => eb.selectFrom('tags').select('id')).select('id').execute();
    expect(sub.map((r) => r.id)).toEqual(['tag-a']);
    await a.updateTable('tags').set({ color: '#000000' }).execute();
    await a.deleteFrom('tags').where('id', '=', 'tag-b').execute();
    const all = await test.database.forWorkspace('ws-b-' + dialect).selectFrom('tags').selectAll().execute();
    expect(all).toHaveLength(1);
    expect(all[0].color).toBeNull();
  });

  it('refuses an insert naming another workspace and any raw query', async () => {
    const a = test.database.forWorkspace('ws-a-' + dialect);
    const now = new Date().toISOString();
    await expect(a.insertInto('tags').values({ workspace_id: 'ws-b', id: 'x', name: 'x', created_at: now, updated_at: now }).execute()).rejects.toThrow(ScopeViolation);
    await expect(sql`select * from tags`.execute(a)).rejects.toThrow(ScopeViolation);
  });

  it('scans a whole table in order, row by row, through the scoped handle (more rows than one cursor read)', async () => {
    const a = test.database.forWorkspace('ws-s-a-' + dialect);
    const b = test.database.forWorkspace('ws-s-b-' + dialect);
    const now = new Date().toISOString();
    const ids = Array.from({ length: 23_456 }, (_, i) => `s-${String(i).padStart(6, '0')}`);
    for (const db of [a, b]) await insertMany(db, 'tags', ids.map((id, i) => ({ id, name: id, color: i % 2 ? null : '#000000', created_at: now, updated_at: now })));
    await b.insertInto('tags').values({ id: 's-only-b', name: 'b', created_at: now, updated_at: now }).execute();
    const seen: unknown[][] = [];
    await test.database.dialect.scan(a.selectFrom('tags').select(['id', 'color']).where('id', 'like', 's-%').orderBy('id'), (row) => seen.push(row));
    expect(seen).toHaveLength(ids.length);
    expect(seen.map(([id]) => id)).toEqual(ids);
    expect(seen.slice(0, 2)).toEqual([[ids[0], '#000000'], [ids[1], null]]);
  });

  it('updates many rows in one statement per batch, typed as stored, in the workspace only', async () => {
    const a = test.database.forWorkspace('ws-u-a-' + dialect);
    const b = test.database.forWorkspace('ws-u-b-' + dialect);
    const now = new Date().toISOString();
    // More rows than one statement's bound variables allow: two statements.
    const ids = Array.from({ length: 6_000 }, (_, i) => `u-${String(i).padStart(5, '0')}`);
    for (const db of [a, b]) await insertMany(db, 'people', ids.map((id) => ({ id, first_name: id, created_at: now, updated_at: now })));
    const columns = [['csat', 'float'], ['clv', 'integer'], ['rfm_segment', 'text'], ['custom', 'json']] as const;
    const rows = ids.map((id, i) => ({ id, values: [i % 3 === 0 ? null : i + 0.25, i * 7 - 50, `s-${i}`, { reasons: [`row ${i}`], n: i }] }));
    await updateRows(a, test.database.dialect, 'people', columns, [...rows, { id: 'missing', values: [1, 1, 'x', {}] }]);

    const stored = await a.selectFrom('people').select(['id', 'csat', 'clv', 'rfm_segment', 'custom']).orderBy('id').execute();
    expect(stored).toHaveLength(ids.length);
    for (const [i, row] of stored.entries()) {
      expect(row.csat === null ? null : Number(row.csat)).toBe(i % 3 === 0 ? null : i + 0.25);
      expect(Number(row.clv)).toBe(i * 7 - 50);
      expect(row.rfm_segment).toBe(`s-${i}`);
      expect(test.database.dialect.fromDb(row.custom, 'json')).toEqual({ reasons: [`row ${i}`], n: i });
    }
    const other = await b.selectFrom('people').select(['csat', 'rfm_segment']).where('rfm_segment', 'is not', null).execute();
    expect(other).toEqual([]);

    // Only where a column is still empty: the rows that have a value keep it.
    await updateRows(a, test.database.dialect, 'people', [['csat', 'float']], ids.slice(0, 6).map((id) => ({ id, values: [99] })), { onlyWhereNull: 'csat' });
    const first = await a.selectFrom('people').select('csat').where('id', 'in', ids.slice(0, 6)).orderBy('id').execute();
    expect(first.map((row) => Number(row.csat))).toEqual([99, 1.25, 2.25, 99, 4.25, 5.25]);
  });

  it('runs transactions that roll back on error', async () => {
    const a = test.database.forWorkspace('ws-t-' + dialect);
    const now = new Date().toISOString();
    await expect(test.database.dialect.transaction(a, async (trx) => {
      await trx.insertInto('tags').values({ id: 'rolled-back', name: 'r', created_at: now, updated_at: now }).execute();
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await a.selectFrom('tags').select('id').execute()).toEqual([]);
  });
});
