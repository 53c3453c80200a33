// Checkpoints in a worker thread: the log is copied into the database file without the writer
// doing it, nothing written is lost, and the writer keeps its backstop.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.js';
import { BACKSTOP_PAGES } from './sqlite-checkpointer.js';

describe('SQLite checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-checkpoint-'));
    dirs.push(dir);
    return join(dir, 'rapport.db');
  };

  it('copies the log into the database file while the writer only appends, and loses nothing', async () => {
    const path = tempFile();
    const { kysely, dialect, raw, checkpointer } = openSqlite(path, { server: true });
    expect(checkpointer).toBeDefined();
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    await sql`create table notes (id integer primary key, body text not null)`.execute(kysely);
    // About 2,500 pages of log in 50 commits: under the writer's backstop, so only the worker copies it.
    const body = 'x'.repeat(4000);
    for (let commit = 0; commit < 50; commit += 1) {
      await dialect.transaction(kysely, async (trx) => {
        for (let row = 0; row < 50; row += 1) await sql`insert into notes (body) values (${body})`.execute(trx);
      });
    }
    // The database file itself comes to hold the rows (not only the log), with no checkpoint by the writer.
    await expect.poll(() => statSync(path).size, { timeout: 10_000 }).toBeGreaterThan(2_500 * 4096 * 0.9);
    expect(checkpointer!.stats.completed).toBeGreaterThan(0);
    await dialect.close();

    const reopened = new BetterSqlite3(path, { readonly: true });
    expect(reopened.prepare('select count(*) as n from notes').get()).toEqual({ n: 2_500 });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('is off unless asked for: the writer checkpoints every 1,000 pages itself', async () => {
    const { raw, checkpointer, dialect } = openSqlite(tempFile());
    expect(checkpointer).toBeUndefined();
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await dialect.close();
  });
});
