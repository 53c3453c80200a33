import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let t: TestApp;
  const withKey = (key: string) => (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload: payload as never } : {}) });
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows a key once, lists it without its secret, and records its last use', async () => {
    const created = await t.ok('POST', '/api/v1/settings/api-keys', { name: 'reporting', role: 'readOnly' }, 201);
    expect(created.key).toMatch(/^rpk_[\w-]{43}$/);
    expect((await withKey(created.key)('GET', '/api/v1/objects/people')).statusCode).toBe(200);
    const { data } = await t.ok('GET', '/api/v1/settings/api-keys');
    const listed = data.find((k: { id: string }) => k.id === created.id);
    expect(listed).toMatchObject({ name: 'reporting', role: 'readOnly', prefix: created.key.slice(0, 10), lastUsedAt: expect.any(String) });
    expect(JSON.stringify(data)).not.toContain(created.key);
    const audit = await t.ok('GET', `/api/v1/audit?action=apiKey.created&targetId=${created.id}`);
    expect(audit.data).toHaveLength(1);
  });

  it('narrows the role with scopes', async () => {
    const { key } = await t.ok('POST', '/api/v1/settings/api-keys', { name: 'people reader', role: 'manager', scopes: ['read:people'] }, 201);
    const call = withKey(key);
    expect((await call('GET', '/api/v1/objects/people')).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/objects/people', { firstName: 'No' })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/objects/deals')).statusCode).toBe(403);
    const admin = (await t.ok('POST', '/api/v1/settings/api-keys', { name: 'admin without admin scope', scopes: ['read:*', 'write:*'] }, 201)).key;
    expect((await withKey(admin)('POST', '/api/v1/objects/people', { firstName: 'Yes' })).statusCode).toBe(201);
    expect((await withKey(admin)('GET', '/api/v1/settings/api-keys')).statusCode).toBe(403);
    const bad = await t.call('POST', '/api/v1/settings/api-keys', { name: 'x', scopes: ['everything'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('scopes');
    const role = await t.call('POST', '/api/v1/settings/api-keys', { name: 'x', role: 'nobody' });
    expect(role.json().errors[0].field).toBe('role');
  });

  it('refuses a revoked or expired key with 401', async () => {
    const { id, key } = await t.ok('POST', '/api/v1/settings/api-keys', { name: 'short-lived' }, 201);
    expect((await t.call('DELETE', `/api/v1/settings/api-keys/${id}`)).statusCode).toBe(204);
    expect((await withKey(key)('GET', '/api/v1/objects/people')).statusCode).toBe(401);
    expect((await t.call('DELETE', `/api/v1/settings/api-keys/${id}`)).statusCode).toBe(404);
    const expired = await t.ok('POST', '/api/v1/settings/api-keys', { name: 'expired', expiresAt: '2020-01-01T00:00:00Z' }, 201);
    const refused = await withKey(expired.key)('GET', '/api/v1/objects/people');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });
});
