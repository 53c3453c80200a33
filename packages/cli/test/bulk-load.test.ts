// A large demo load takes the non-unique indexes down and rebuilds them at its end (SQLite). A
// load killed in the middle leaves consistent data and a record of the indexes to rebuild, and
// the next `rapport migrate` (or start) rebuilds them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const main = join(dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const dir = mkdtempSync(join(tmpdir(), 'rapport-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const envFor = (file: string) => ({ ...process.env, DATABASE_URL: `sqlite:${join(dir, file)}`, LOG_LEVEL: 'warn' });
const indexes = (file: string) => {
  const db = new BetterSqlite3(join(dir, file), { readonly: true });
  try {
    return {
      indexes: db.prepare("select name, sql from sqlite_master where type = 'index' and sql is not null order by name").all(),
      deferred: (db.prepare('select count(*) as n from deferred_indexes').get() as { n: number }).n,
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
};

describe('bulk loads on SQLite', { timeout: 180_000 }, () => {
  it('rebuilds the indexes a killed demo load took down, at the next migrate, and the data stays consistent', async () => {
    expect(spawnSync(process.execPath, [main, 'migrate'], { env: envFor('reference.db') }).status).toBe(0);
    const reference = indexes('reference.db');
    expect(reference.indexes.length).toBeGreaterThan(50);

    // 12,000 people is three chunks: kill the load once the indexes are down and rows are going in.
    const child = spawn(process.execPath, [main, 'demo', '--workspace', 'big', '--size', '12000', '--no-metrics'], { env: envFor('killed.db'), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let killedMidway = false;
    for (let i = 0; i < 600 && !killedMidway; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        const db = new BetterSqlite3(join(dir, 'killed.db'), { readonly: true, timeout: 50 });
        const deferred = (db.prepare('select count(*) as n from deferred_indexes').get() as { n: number }).n;
        const people = (db.prepare('select count(*) as n from people').get() as { n: number }).n;
        db.close();
        if (deferred > 0 && people > 0) {
          child.kill('SIGKILL');
          killedMidway = true;
        }
      } catch { /* not created yet, or busy */ }
    }
    await exited;
    expect(killedMidway).toBe(true);
    const killed = indexes('killed.db');
    expect(killed.integrity).toBe('ok');
    expect(killed.deferred).toBeGreaterThan(0);
    expect(killed.indexes.length).toBeLessThan(reference.indexes.length);

    expect(spawnSync(process.execPath, [main, 'migrate'], { env: envFor('killed.db') }).status).toBe(0);
    const repaired = indexes('killed.db');
    expect(repaired).toEqual({ ...reference, integrity: 'ok' });
  });

  it('ends a completed load with every index back', () => {
    const result = spawnSync(process.execPath, [main, 'demo', '--workspace', 'whole', '--size', '6000', '--no-metrics'], { env: envFor('whole.db'), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(spawnSync(process.execPath, [main, 'migrate'], { env: envFor('reference2.db') }).status).toBe(0);
    expect(indexes('whole.db')).toEqual(indexes('reference2.db'));
    // …and with the planner's statistics gathered in full (not sampled: every row counted).
    const db = new BetterSqlite3(join(dir, 'whole.db'), { readonly: true });
    try {
      const stat = db.prepare("select stat from sqlite_stat1 where idx = 'people_company_id_idx'").get() as { stat: string } | undefined;
      const people = (db.prepare('select count(*) as n from people').get() as { n: number }).n;
      expect(stat?.stat.split(' ')[0]).toBe(String(people));
    } finally {
      db.close();
    }
  });
});
