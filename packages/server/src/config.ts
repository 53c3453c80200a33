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
  /** Where links in emails point (invitations, password resets); default http://HOST:PORT. */
  publicUrl: string;
  /** Session cookies carry Secure: set by COOKIE_SECURE=1 or an https PUBLIC_URL. */
  cookieSecure: boolean;
  /** Outgoing mail: `smtp://user:pass@host:port` or `smtps://…`; unset → no mail is sent. */
  smtpUrl?: string;
  mailFrom: string;
  /** A whole-workspace report that took at least this long to compute is answered from its snapshot. */
  reportSnapshotMinMs: number;
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
  const port = parsePort(env.PORT);
  const host = parseHost(env.HOST);
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, host, port);
  return {
    ...database,
    port,
    host,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    publicUrl,
    cookieSecure: parseFlag('COOKIE_SECURE', env.COOKIE_SECURE) ?? publicUrl.startsWith('https:'),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM),
    reportSnapshotMinMs: parseMilliseconds('REPORT_SNAPSHOT_MIN_MS', env.REPORT_SNAPSHOT_MIN_MS, 1_000),
  };
}

function parsePublicUrl(value: string | undefined, host: string, port: number): string {
  if (value === undefined || value === '') return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new ConfigError(`PUBLIC_URL: expected an http(s) URL such as https://crm.example.com, got ${JSON.stringify(value)}`);
  return new URL(value).origin;
}

function parseFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(`${name}: expected 1 or 0, got ${JSON.stringify(value)}`);
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new ConfigError(`${name}: expected a whole number of milliseconds, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parseSmtpUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!URL.canParse(value) || !/^smtps?:$/.test(new URL(value).protocol)) throw new ConfigError(`SMTP_URL: expected smtp://host:port or smtps://user:password@host:port, got ${redact(value)}`);
  return value;
}

function parseMailFrom(value: string | undefined): string {
  if (value === undefined || value === '') return 'Rapport <no-reply@rapport.invalid>';
  if (!/^[^\r\n]*@[^\r\n]*$/.test(value)) throw new ConfigError(`MAIL_FROM: expected an address such as "Rapport <crm@example.com>", got ${JSON.stringify(value)}`);
  return value;
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
