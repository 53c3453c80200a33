// Test databases: a fresh migrated SQLite file per call, or the run's PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';

export type DialectName = 'sqlite' | 'postgres';

/** The databases this run covers: SQLite always, PostgreSQL when global setup provided one. */
export const DIALECTS: DialectName[] = inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  database: Database;
  /** SQLite file path, or the PostgreSQL URL. */
  location: string;
  close(): Promise<void>;
}

export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'postgres') {
    const url = inject('postgresUrl');
    if (!url) throw new Error('PostgreSQL is not part of this run');
    const database = openDatabase({ databaseKind: 'postgres', databaseUrl: url });
    return { database, location: url, close: () => database.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const path = join(dir, 'rapport.db');
  const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${path}`, sqlitePath: path });
  await database.migrate();
  return {
    database,
    location: path,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
