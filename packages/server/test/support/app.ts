// A real application over a test database, with a fresh workspace and API key per call, and
// small helpers to call it. Workspaces isolate tests from each other on a shared database.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createServices, type ServiceOptions, type Services } from '../../src/services.js';
import { openTestDatabase, type DialectName, type TestDatabase } from './database.js';
import { serverLog } from './server-log.js';

let counter = 0;

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  workspaceId: string;
  slug: string;
  apiKey: string;
  /** Calls the API with the workspace's key. */
  call(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** A JSON body, after asserting the status. */
  ok<T = any>(method: InjectOptions['method'], url: string, body?: unknown, status?: number, headers?: Record<string, string>): Promise<T>;
  /** A second workspace with its own key on the same app and database. */
  otherWorkspace(): Promise<{ workspaceId: string; slug: string; apiKey: string; call: TestApp['call'] }>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName, options: { logStream?: NodeJS.WritableStream; smtpUrl?: string; now?: () => Date; reportSnapshots?: ServiceOptions['reportSnapshots'] } = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const services = createServices(database.database, { publicUrl: 'http://127.0.0.1:3000', smtpUrl: options.smtpUrl, mailFrom: 'Rapport <crm@example.com>', now: options.now, reportSnapshots: options.reportSnapshots });
  const app = await buildApp(services, { logLevel: 'info', logStream: options.logStream ?? serverLog() });
  await app.ready();

  const makeWorkspace = async () => {
    const slug = `t${process.pid}-${Date.now().toString(36)}-${++counter}`;
    const workspace = await services.workspaces.create({ slug, name: `Test ${slug}`, defaultCurrency: 'EUR' });
    const { key } = await services.apiKeys.create(workspace.id, { name: 'test' }, { actor: 'system' });
    const call: TestApp['call'] = (method, url, body, headers = {}) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${key}`, ...headers }, ...(body !== undefined ? { payload: body as never } : {}) });
    return { workspaceId: workspace.id, slug, apiKey: key, call };
  };

  const main = await makeWorkspace();
  const ok: TestApp['ok'] = async (method, url, body, status, headers) => {
    const response = await main.call(method, url, body, headers);
    const expected = status ?? (method === 'POST' && /\/objects\/[^/]+$/.test(url.split('?')[0]) ? 201 : 200);
    if (response.statusCode !== expected) throw new Error(`${method} ${url} → ${response.statusCode}, expected ${expected}: ${response.body}`);
    return response.body ? response.json() : undefined;
  };
  return {
    app, services, database, workspaceId: main.workspaceId, slug: main.slug, apiKey: main.apiKey, call: main.call, ok,
    otherWorkspace: makeWorkspace,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
