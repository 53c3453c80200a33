// Configuration from the environment, validated once at start. Nothing else reads process.env.
import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** `sqlite:<path>` or `postgres://…`, normalised. */
  databaseUrl: string;
  databaseKind: 'sqlite' | 'postgres';
  /** SQLite: the file path (or `:memory:`). */
  sqlitePath?: string;
  port: number;
  host: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_SQLITE_PATH = './data/rapport.db';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration; throws ConfigError with a one-line message.
 * @example const config = loadConfig({ DATABASE_URL: 'sqlite:/tmp/r.db', PORT: '3000' });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  return {
    ...database,
    port: parsePort(env.PORT),
    host: parseHost(env.HOST),
    logLevel: parseLogLevel(env.LOG_LEVEL),
  };
}

function parseDatabaseUrl(value: string | undefined): Pick<Config, 'databaseUrl' | 'databaseKind' | 'sqlitePath'> {
  const url = value?.trim() || `sqlite:${DEFAULT_SQLITE_PATH}`;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL: sqlite: needs a file path, as in sqlite:./data/rapport.db');
    const sqlitePath = path === ':memory:' ? path : resolve(path);
    return { databaseUrl: `sqlite:${sqlitePath}`, databaseKind: 'sqlite', sqlitePath };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    if (!URL.canParse(url)) throw new ConfigError(`DATABASE_URL: not a valid PostgreSQL URL: ${redact(url)}`);
    return { databaseUrl: url, databaseKind: 'postgres' };
  }
  throw new ConfigError(`DATABASE_URL: expected sqlite:<path> or postgres://…, got ${redact(url)}`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) throw new ConfigError(`PORT: expected an integer from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}

function parseHost(value: string | undefined): string {
  if (value === undefined || value === '') return '127.0.0.1';
  if (/\s/.test(value)) throw new ConfigError(`HOST: expected a host name or address, got ${JSON.stringify(value)}`);
  return value;
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!LOG_LEVELS.includes(value as LogLevel)) throw new ConfigError(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
  return value as LogLevel;
}

/** Hides a password in a connection URL before it is shown. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
