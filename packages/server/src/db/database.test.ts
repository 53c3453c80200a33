import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { ScopeViolation } from './scope.js';
import { GLOBAL_TABLES, WORKSPACE_TABLES } from './tables.js';

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
