// The generated client against a real server listening on a port.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/support/app.js';
import { createRapportClient } from '../src/index.js';

describe('the typed client', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('is generated from the document the server serves now', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const expected = astToString(await openapiTS(document, { alphabetize: false }));
    const generated = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../src/generated/schema.ts'), 'utf8');
    expect(generated.slice(generated.indexOf('\n') + 1)).toBe(expected);
  });

  it('creates, lists and updates people over HTTP', async () => {
    const rapport = createRapportClient({ baseUrl, apiKey: t.apiKey });
    const created = await rapport.POST('/api/v1/objects/people', { body: { firstName: 'Client', lastName: 'Test', email: 'client@example.com' } });
    expect(created.response.status).toBe(201);
    const person = created.data!;
    expect(person.fullName).toBe('Client Test');

    const listed = await rapport.GET('/api/v1/objects/people', { params: { query: { filter: 'email = "client@example.com"', limit: 10 } } });
    expect(listed.data!.data.map((p) => p.id)).toEqual([person.id]);

    const updated = await rapport.PATCH('/api/v1/objects/people/{id}', {
      params: { path: { id: person.id }, header: { 'If-Match': `"${person.version}"` } },
      body: { jobTitle: 'Tester' },
    });
    expect(updated.data).toMatchObject({ jobTitle: 'Tester', version: 2 });

    const stale = await rapport.PATCH('/api/v1/objects/people/{id}', { params: { path: { id: person.id }, header: { 'If-Match': '"1"' } }, body: { jobTitle: 'Late' } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ type: 'urn:rapport:problem:version-conflict' });
  });
});
