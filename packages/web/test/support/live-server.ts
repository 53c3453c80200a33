// A real Rapport server for browser tests: a fresh SQLite file, a workspace with deterministic
// demo data, an admin who signs in with a password, and the built web app, on a free port.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, createServices, generateDemo, openDatabase, type Services } from '@rapport/server';
import { serverLog, TEST_PASSWORDS } from '../../../server/test/support/server-log.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface LiveServer {
  url: string;
  email: string;
  password: string;
  services: Services;
  workspaceSlug: string;
  close(): Promise<void>;
}

export async function startLiveServer(options: { people?: number; smtpUrl?: string } = {}): Promise<LiveServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`the web app is not built (${WEB_ROOT}): run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const sqlitePath = join(dir, 'rapport.db');
  const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${sqlitePath}`, sqlitePath });
  await database.migrate();
  const services = createServices(database, { smtpUrl: options.smtpUrl, mailFrom: 'Rapport <crm@e2e.example>' });
  const workspaceSlug = 'e2e';
  const workspace = await services.workspaces.create({ slug: workspaceSlug, name: 'Browser test company', defaultCurrency: 'EUR' });
  const email = 'admin@e2e.example';
  const password = TEST_PASSWORDS[0];
  await services.users.addToWorkspace(workspace.id, { email, name: 'Ada Admin', password, role: 'admin' });
  await generateDemo(services, await services.workspaces.contextForSlug(workspaceSlug, 'system'), { size: options.people ?? 120, seed: 5 });
  const app = await buildApp(services, { logLevel: 'info', logStream: serverLog(), webRoot: WEB_ROOT });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url, email, password, services, workspaceSlug,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
