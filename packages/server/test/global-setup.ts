// Once per test run: decides whether PostgreSQL takes part, and if so creates a fresh database
// for the run, migrates it, and drops it afterwards.
//   RAPPORT_TEST_PG=required  fail loudly when PostgreSQL cannot be reached (CI)
//   RAPPORT_TEST_PG=off       SQLite only
//   unset                     use PostgreSQL when it answers, else say it was skipped
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { clearServerLogs, LOG_DIR, secretsInServerLogs } from './support/server-log.js';

const ADMIN_URL = process.env.RAPPORT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** After the run: the server logs of every test hold no secret. */
function scanServerLogs(): void {
  const { lines, leaks } = secretsInServerLogs();
  if (leaks.length) throw new Error(`${leaks.length} of ${lines} server log lines hold a secret (see ${LOG_DIR}):\n${leaks.slice(0, 5).join('\n')}`);
  console.log(`Server logs: ${lines} lines scanned, no password or token in them.`);
}

export default async function setup(project: TestProject) {
  clearServerLogs();
  const mode = process.env.RAPPORT_TEST_PG ?? 'auto';
  const address = new URL(ADMIN_URL).host;
  if (mode === 'off') {
    console.log(`PostgreSQL: skipped (RAPPORT_TEST_PG=off); the suite runs on SQLite only.`);
    project.provide('postgresUrl', null);
    return scanServerLogs;
  }
  const problem = await reachable(ADMIN_URL);
  if (problem) {
    if (mode === 'required') throw new Error(`PostgreSQL is required but unreachable at ${address}: ${problem}`);
    console.log(`PostgreSQL: skipped, nothing answers at ${address} (${problem}); the suite runs on SQLite only.`);
    project.provide('postgresUrl', null);
    return scanServerLogs;
  }
  const name = `rapport_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const database = openDatabase({ databaseKind: 'postgres', databaseUrl: url });
  await database.migrate();
  await database.close();
  project.provide('postgresUrl', url);

  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    scanServerLogs();
  };
}
