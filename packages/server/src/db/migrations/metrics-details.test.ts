import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../dialects/sqlite.js';
import { MIGRATIONS } from './index.js';

describe('migrations 0008 and 0009: metrics details in a table of their own, then computed on read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-migration-'));
  const { kysely, dialect } = openSqlite(join(dir, 'old.db'));
  afterAll(async () => {
    await dialect.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: async () => Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up({ db, dialect }) }])) },
  });

  it('moves the details stored on people and companies rows, and drops the column', async () => {
    expect((await migrator.migrateTo('0007-report-snapshots')).error).toBeUndefined();
    const now = '2026-01-01T00:00:00.000Z';
    const detail = { strength: { components: [], reasons: ['known for 3 months'] } };
    await kysely.insertInto('people').values([
      { workspace_id: 'w1', id: 'p-scored', created_at: now, updated_at: now, first_name: 'Ada', relationship_strength: 42, metrics_detail: JSON.stringify(detail) },
      { workspace_id: 'w1', id: 'p-never', created_at: now, updated_at: now, first_name: 'Bob' },
    ]).execute();
    await kysely.insertInto('companies').values({ workspace_id: 'w2', id: 'c-scored', created_at: now, updated_at: now, name: 'Acme', metrics_detail: JSON.stringify({ n: 1 }) }).execute();

    expect((await migrator.migrateTo('0008-metrics-details')).error).toBeUndefined();
    const moved = await kysely.selectFrom('metrics_details').selectAll().orderBy('record_id').execute();
    expect(moved.map((row) => ({ ...row, detail: JSON.parse(row.detail) }))).toEqual([
      { workspace_id: 'w2', record_id: 'c-scored', detail: { n: 1 } },
      { workspace_id: 'w1', record_id: 'p-scored', detail },
    ]);
    const people = await kysely.selectFrom('people').selectAll().orderBy('id').execute();
    expect(people.map((row) => [row.id, row.relationship_strength])).toEqual([['p-never', null], ['p-scored', 42]]);
    expect(Object.keys(people[0])).not.toContain('metrics_detail');
  });

  it('drops the stored details, keeping the metrics on the rows', async () => {
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const tables = (await kysely.introspection.getTables()).map((table) => table.name);
    expect(tables).toContain('people');
    expect(tables).not.toContain('metrics_details');
    const people = await kysely.selectFrom('people').select(['id', 'relationship_strength']).orderBy('id').execute();
    expect(people.map((row) => [row.id, row.relationship_strength])).toEqual([['p-never', null], ['p-scored', 42]]);
  });
});
