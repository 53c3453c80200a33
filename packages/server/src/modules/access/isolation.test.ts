// Tenant isolation and field hiding, through every route a caller can reach.
import { Writable } from 'node:stream';
import { STANDARD_OBJECTS } from '@rapport/core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { asCookie, member, PASSWORD, sessionCookie, signIn } from '../../../test/support/people.js';
import { generateDemo } from '../demo/index.js';

/** A valid change for a record: one of its writable text fields, set to what it holds. */
function patchOf(object: string, record: Record<string, unknown>): Record<string, unknown> {
  const field = STANDARD_OBJECTS.find((d) => d.name === object)!.fields.find((f) => f.type === 'text' && !f.isReadOnly && !f.isSystem && typeof record[f.name] === 'string');
  return field ? { [field.name]: record[field.name] } : { [STANDARD_OBJECTS.find((d) => d.name === object)!.displayField]: record[STANDARD_OBJECTS.find((d) => d.name === object)!.displayField] };
}

describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let t: TestApp;
  let other: Awaited<ReturnType<TestApp['otherWorkspace']>>;
  /** One record of every standard object in workspace A, with text that must never reach B. */
  const samples = new Map<string, { id: string; body: string }>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    other = await t.otherWorkspace();
    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    await generateDemo(t.services, ctx, { size: 40, seed: 3, now: new Date('2026-06-30T00:00:00Z') });
    for (const definition of STANDARD_OBJECTS) {
      const { data } = await t.services.engine.list(ctx, definition.name, { limit: 1 });
      expect(data, definition.name).toHaveLength(1);
      samples.set(definition.name, { id: data[0].id as string, body: JSON.stringify(data[0]) });
    }
  }, 60_000);
  afterAll(() => t.close());

  it('answers 404 with no data to another workspace, for every object and every record route', async () => {
    for (const [object, { id, body }] of samples) {
      const display = JSON.parse(body)[STANDARD_OBJECTS.find((d) => d.name === object)!.displayField];
      const calls = [
        ['GET', `/api/v1/objects/${object}/${id}`],
        ['PATCH', `/api/v1/objects/${object}/${id}`, patchOf(object, JSON.parse(body))],
        ['DELETE', `/api/v1/objects/${object}/${id}`],
        ['POST', `/api/v1/objects/${object}/${id}/restore`],
        ['GET', `/api/v1/objects/${object}/${id}/history`],
        ['GET', `/api/v1/objects/${object}/${id}/timeline`],
      ] as const;
      for (const [method, url, payload] of calls) {
        const response = await other.call(method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        if (typeof display === 'string' && display.length > 3) expect(response.body).not.toContain(display);
      }
      const batch = await other.call('POST', `/api/v1/objects/${object}/batch`, { operation: 'update', records: [{ id, ...patchOf(object, JSON.parse(body)) }] });
      expect(batch.statusCode, `batch ${object}`).toBe(400);
      expect(batch.json().errors[0]).toMatchObject({ index: 0, field: 'id' });
    }
    // The deal routes too.
    const deal = samples.get('deals')!.id;
    expect((await other.call('POST', `/api/v1/deals/${deal}/move`, { stageId: samples.get('stages')!.id })).statusCode).toBe(404);
    expect((await other.call('GET', `/api/v1/deals/${deal}/stage-history`)).statusCode).toBe(404);
  });

  it('finds nothing of another workspace through a relation, and refuses to link to it', async () => {
    const companyId = samples.get('companies')!.id;
    const { data } = (await other.call('GET', `/api/v1/objects/people?filter=${encodeURIComponent(`companyId = "${companyId}"`)}`)).json();
    expect(data).toEqual([]);
    const viaRelation = (await other.call('GET', `/api/v1/objects/people?filter=${encodeURIComponent(`company.id = "${companyId}"`)}`)).json();
    expect(viaRelation.data).toEqual([]);
    const link = await other.call('POST', '/api/v1/objects/people', { firstName: 'Sneaky', companyId });
    expect(link.statusCode).toBe(400);
    expect(link.json().errors[0].field).toBe('companyId');
    expect((await other.call('GET', `/api/v1/objects/deals?filter=${encodeURIComponent(`id = "${samples.get('deals')!.id}"`)}`)).json().data).toEqual([]);
    // Search and export read through the same scoped engine: nothing of workspace A.
    const person = JSON.parse(samples.get('people')!.body);
    expect((await other.call('GET', `/api/v1/search?q=${encodeURIComponent(person.lastName)}`)).json().data).toEqual([]);
    const exported = await other.call('GET', `/api/v1/objects/people/export?filter=${encodeURIComponent(`id = "${person.id}"`)}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body.trim().split('\n')).toHaveLength(1); // the header alone
  });

  it('takes the workspace from the credential only: a workspace named in the body or a header is ignored', async () => {
    const created = await other.call('POST', '/api/v1/objects/tags', { name: 'mine', workspaceId: t.workspaceId });
    expect(created.statusCode).toBe(400); // workspaceId is not a field
    const headed = await other.call('GET', `/api/v1/objects/tags/${samples.get('tags')!.id}`, undefined, { 'x-workspace-id': t.workspaceId });
    expect(headed.statusCode).toBe(404);
  });
});

describe.each(DIALECTS)('field hiding on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('keeps a hidden field out of every response and refuses to filter, sort or write it', async () => {
    await t.ok('POST', '/api/v1/settings/roles', {
      name: 'juniorRep', label: 'Junior rep',
      grants: { '*': { actions: ['read'], visibility: 'all' }, people: { actions: ['read', 'create', 'update', 'export'], visibility: 'all', hiddenFields: ['phone', 'birthday'] } },
    }, 201);
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Hidden', lastName: 'Phone', phone: '+33612345678', birthday: '1980-02-03' });
    await t.ok('PATCH', `/api/v1/objects/people/${person.id}`, { phone: '+33698765432' });
    await t.ok('POST', '/api/v1/objects/notes', { body: 'Called her', personIds: [person.id] }).catch(() => undefined);
    const junior = await member(t, 'juniorRep');
    const leaks = (text: string) => text.includes('612345678') || text.includes('698765432') || text.includes('1980-02-03') || /"phone"|"birthday"/.test(text);

    const reads = [
      `/api/v1/objects/people/${person.id}`,
      `/api/v1/objects/people?limit=50`,
      `/api/v1/objects/people/${person.id}/history`,
      `/api/v1/objects/people/${person.id}/timeline`,
      '/api/v1/metadata/objects/people',
      '/api/v1/search?q=Hidden',
      '/api/v1/search?q=612345678',
      '/api/v1/objects/people/export',
    ];
    for (const url of reads) {
      const response = await junior.call('GET', url);
      expect(response.statusCode, url).toBe(200);
      expect(leaks(response.body), url).toBe(false);
    }
    // Search does not look in a hidden field, and an export has no column for it.
    expect((await junior.call('GET', '/api/v1/search?q=698765432')).json().data).toEqual([]);
    expect((await junior.call('GET', '/api/v1/search?q=Hidden')).json().data[0].records[0]).toMatchObject({ id: person.id, title: 'Hidden Phone' });
    const header = (await junior.call('GET', '/api/v1/objects/people/export')).body.split('\n')[0].split(',');
    expect(header).toContain('firstName');
    expect(header.filter((column) => column === 'phone' || column === 'birthday')).toEqual([]);
    const document = (await junior.call('GET', '/api/v1/openapi.json')).json();
    const peopleSchemas = Object.entries(document.components.schemas as Record<string, { properties?: object }>).filter(([name]) => /^(Person|People)/.test(name));
    expect(peopleSchemas.length).toBeGreaterThan(0);
    for (const [name, schema] of peopleSchemas) expect(Object.keys(schema.properties ?? {}), name).not.toContain('phone');
    const history = (await junior.call('GET', `/api/v1/objects/people/${person.id}/history`)).json();
    expect(history.data.length).toBeGreaterThan(0); // the create is there, without the hidden values

    for (const url of [
      `/api/v1/objects/people?filter=${encodeURIComponent('phone isEmpty')}`,
      '/api/v1/objects/people?sort=birthday',
      '/api/v1/objects/people?fields=firstName,phone',
    ]) {
      const response = await junior.call('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(leaks(response.body.replace(/"field":"\w+"/g, '')), url).toBe(false);
    }
    const write = await junior.call('PATCH', `/api/v1/objects/people/${person.id}`, { phone: '+33600000000' });
    expect(write.statusCode).toBe(400);
    expect(write.json().errors[0].field).toBe('phone');
    // A visible change keeps the hidden value as it was.
    expect((await junior.call('PATCH', `/api/v1/objects/people/${person.id}`, { jobTitle: 'Buyer' })).statusCode).toBe(200);
    expect((await t.ok('GET', `/api/v1/objects/people/${person.id}`)).phone).toBe('+33698765432');
    const me = (await junior.call('GET', '/api/v1/auth/me')).json();
    expect(me.permissions.hiddenFields).toEqual({ people: ['phone', 'birthday'] });
  });

  it('hides cost from marketing and support, on products and orders', async () => {
    const product = await t.ok('POST', '/api/v1/objects/products', { name: 'Widget', price: 1000, cost: 400, currency: 'EUR' });
    const marketer = await member(t, 'marketer');
    const seen = (await marketer.call('GET', `/api/v1/objects/products/${product.id}`)).json();
    expect(seen).toMatchObject({ name: 'Widget', price: 1000 });
    expect(seen).not.toHaveProperty('cost');
    expect((await marketer.call('GET', `/api/v1/objects/products?filter=${encodeURIComponent('cost > 100')}`)).statusCode).toBe(400);
  });
});

describe('no secret in the logs', () => {
  it('logs no password, API key, session token, reset token or two-factor secret in a full round of sign-in flows', async () => {
    let logged = '';
    const sink = new Writable({ write(chunk, _encoding, done) { logged += chunk.toString(); done(); } });
    const t = await createTestApp('sqlite', { logStream: sink });
    try {
      const rep = await member(t, 'salesRep');
      await t.ok('GET', '/api/v1/objects/people?limit=1');
      await signIn(t, rep.email, 'a wrong password here');
      const enrol = (await rep.call('POST', '/api/v1/auth/two-factor/enrol')).json();
      const confirmed = await rep.call('POST', '/api/v1/auth/two-factor/confirm', { code: await generate({ secret: enrol.secret }) });
      const cookie = sessionCookie(confirmed);
      await asCookie(t, cookie)('GET', '/api/v1/auth/me');
      const key = (await t.ok('POST', '/api/v1/settings/api-keys', { name: 'logged?' }, 201)).key;
      await t.app.inject({ method: 'GET', url: '/api/v1/objects/people', headers: { authorization: `Bearer ${key}` } });
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: 'rpr_not-a-real-token-000000', password: 'a new passphrase!' } });
      expect(logged.length).toBeGreaterThan(1000); // requests were logged
      for (const secret of [PASSWORD, 'a wrong password here', 'a new passphrase!', t.apiKey, key, cookie.split('=')[1], enrol.secret, 'rpr_not-a-real-token']) {
        expect(logged.includes(secret), `the log holds ${secret.slice(0, 6)}…`).toBe(false);
      }
    } finally {
      await t.close();
    }
  });
});

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  it('records deletes and restores, is for admins only, and no route changes it', async () => {
    const t = await createTestApp(dialect);
    try {
      const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Audited' });
      await t.ok('DELETE', `/api/v1/objects/people/${person.id}`);
      await t.ok('POST', `/api/v1/objects/people/${person.id}/restore`);
      const { data } = await t.ok('GET', `/api/v1/audit?action=record.*&targetId=${person.id}`);
      expect(data.map((e: { action: string }) => e.action)).toEqual(['record.restored', 'record.deleted']);
      expect(data[0]).toMatchObject({ targetType: 'people', actor: expect.stringMatching(/^apiKey:/) });
      const manager = await member(t, 'manager');
      expect((await manager.call('GET', '/api/v1/audit')).statusCode).toBe(403);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        expect((await t.call(method, `/api/v1/audit/${data[0].id}`, {})).statusCode, method).toBe(404);
        expect((await t.call(method, '/api/v1/audit', {})).statusCode, method).toBe(404);
      }
      expect((await t.ok('GET', '/api/v1/audit?from=not-a-date', undefined, 400)).errors[0].field).toBe('from');
    } finally {
      await t.close();
    }
  });
});
