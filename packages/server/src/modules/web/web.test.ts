import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createServices } from '../../services.js';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { serverLog } from '../../../test/support/server-log.js';

async function appServing(webRoot: string): Promise<{ app: FastifyInstance; database: TestDatabase }> {
  const database = await openTestDatabase('sqlite');
  const app = await buildApp(createServices(database.database), { logLevel: 'info', logStream: serverLog(), webRoot });
  await app.ready();
  return { app, database };
}

describe('the web app at /', () => {
  const root = mkdtempSync(join(tmpdir(), 'rapport-web-'));
  let built: { app: FastifyInstance; database: TestDatabase };
  let missing: { app: FastifyInstance; database: TestDatabase };

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>');
    writeFileSync(join(root, 'assets/app-1a2b.js'), 'console.log("app")');
    built = await appServing(root);
    missing = await appServing(join(root, 'no-such-build'));
  });
  afterAll(async () => {
    for (const t of [built, missing]) {
      await t.app.close();
      await t.database.close();
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and at any page path, so deep links open the app', async () => {
    for (const url of ['/', '/objects/people', '/objects/deals/board?pipeline=x', '/sign-in']) {
      const response = await built.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with long caching and a strict content security policy', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps problem+json 404s for API paths, missing files and writes', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing-here'], ['GET', '/assets/missing.js'], ['GET', '/favicon.ico'], ['POST', '/objects/people']] as const) {
      const response = await built.app.inject({ method, url });
      expect(response.headers['content-type'], url).toMatch(/application\/problem\+json/);
      expect([401, 404], url).toContain(response.statusCode);
    }
  });

  it('keeps the operational and API routes', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await built.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200);
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/objects/people' })).statusCode).toBe(401);
  });

  it('starts without a build and says at / that the web app is not built', async () => {
    const front = await missing.app.inject({ method: 'GET', url: '/' });
    expect(front.statusCode).toBe(200);
    expect(front.body).toContain('web app is not built');
    expect((await missing.app.inject({ method: 'GET', url: '/objects/people' })).statusCode).toBe(404);
  });
});
