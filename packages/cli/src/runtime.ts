// What every command needs: validated configuration, a migrated database, the services, and
// one clear line (not a stack trace) when something is wrong.
import { ConfigError, createServices, loadConfig, openDatabase, redact, type Config, type Services } from '@rapport/server';

export class UsageError extends Error {}

/** Exit codes: 2 for bad configuration or usage, 1 for anything else. */
export function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`rapport: ${message}\n`);
  process.exit(error instanceof ConfigError || error instanceof UsageError ? 2 : 1);
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    fail(error);
  }
}

/** The server's options from configuration: public URL, cookies, mail. */
export function serviceOptions(config: Config) {
  return {
    publicUrl: config.publicUrl, cookieSecure: config.cookieSecure, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom,
    reportSnapshots: { minComputeMs: config.reportSnapshotMinMs },
  };
}

/** Opens and migrates the configured database, runs `work` with the services, then closes. */
export async function withServices<T>(work: (services: Services, config: Config) => Promise<T>, options: { keepOpen?: boolean; migrate?: boolean } = {}): Promise<T> {
  const config = configOrExit();
  const database = openDatabase(config);
  try {
    if (options.migrate !== false) await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw new Error(`cannot open the database at ${redact(config.databaseUrl)}: ${(error as Error).message}`);
  }
  const services = createServices(database, serviceOptions(config));
  try {
    return await work(services, config);
  } finally {
    if (!options.keepOpen) await database.close();
  }
}
