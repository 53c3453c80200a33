import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the SQLite file on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseKind: 'sqlite', port: 3000, host: '127.0.0.1', logLevel: 'info' });
    expect(config.sqlitePath).toMatch(/data\/rapport\.db$/);
  });

  it('accepts PostgreSQL URLs and sqlite: paths', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/crm' })).toMatchObject({ databaseKind: 'postgres' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).sqlitePath).toBe('/tmp/x.db');
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ HOST: 'my host' }, /^HOST: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
    [{ DATABASE_URL: 'sqlite:' }, /^DATABASE_URL: /],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads when a whole-workspace report is answered from its snapshot', () => {
    expect(loadConfig({}).reportSnapshotMinMs).toBe(1_000);
    expect(loadConfig({ REPORT_SNAPSHOT_MIN_MS: '0' }).reportSnapshotMinMs).toBe(0);
    expect(() => loadConfig({ REPORT_SNAPSHOT_MIN_MS: '1s' })).toThrow(ConfigError);
    expect(() => loadConfig({ REPORT_SNAPSHOT_MIN_MS: '-5' })).toThrow(/REPORT_SNAPSHOT_MIN_MS/);
  });

  it('never shows a database password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mongodb://admin:hunter2@db/x' })).toThrow(/^(?!.*hunter2)/);
  });
});
