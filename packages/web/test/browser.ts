// Debian's Chromium driven by playwright-core, and a real Rapport server on a temporary SQLite
// file with demo data, for the web app's end-to-end tests. Never downloads a browser.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp, createServices, generateDemo, openDatabase, type Services } from '@rapport/server';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/web');
export const ADMIN = { email: 'admin@e2e.example', password: 'admin password for tests' };
export const VIEWER = { email: 'viewer@e2e.example', password: 'viewer password for tests' };

export interface Rig {
  url: string;
  services: Services;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-web-'));
  const path = join(dir, 'rapport.db');
  const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${path}`, sqlitePath: path });
  await database.migrate();
  const app0 = { port: 0 };
  const services = createServices(database, { publicUrl: 'http://127.0.0.1' });
  const workspace = await services.workspaces.create({ slug: 'e2e', name: 'E2E Ltd', defaultCurrency: 'EUR' });
  await services.users.addToWorkspace(workspace.id, { name: 'Ada Admin', role: 'admin', ...ADMIN });
  await services.users.addToWorkspace(workspace.id, { name: 'Vic Viewer', role: 'readOnly', ...VIEWER });
  await generateDemo(services, await services.workspaces.contextForSlug('e2e', 'system'), { size: 300, seed: 5, now: new Date() });
  const app = await buildApp(services, { logLevel: 'silent' });
  await app.listen({ port: app0.port, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
