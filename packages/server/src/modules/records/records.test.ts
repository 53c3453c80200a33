import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('records API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const expectProblem = (response: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, field?: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.type).toMatch(/^urn:rapport:problem:/);
    expect(body.status).toBe(status);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
    if (field !== undefined) expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    return body;
  };

  it('creates a person, normalising what it stores, and reads it back with its ETag', async () => {
    const response = await t.call('POST', '/api/v1/objects/people', { firstName: ' Ada ', lastName: 'Lovelace', email: 'Ada@Example.COM', phone: '+44 20 7946 0958', birthday: '1815-12-10' });
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/objects/people/${person.id}`);
    expect(person).toMatchObject({ firstName: 'Ada', fullName: 'Ada Lovelace', email: 'ada@example.com', phone: '+442079460958', lifecycleStage: 'lead', version: 1, companyIds: [], tagIds: [] });
    expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7
    const read = await t.call('GET', `/api/v1/objects/people/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(person);
    const some = await t.ok('GET', `/api/v1/objects/people/${person.id}?fields=email`);
    expect(some).toEqual({ id: person.id, version: 1, email: 'ada@example.com' });
  });

  it('links records and refuses links to records that do not exist', async () => {
    const company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Analytical Engines', industry: 'manufacturing', annualRevenue: 12_345_600, currency: 'GBP' });
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Charles', companyId: company.id });
    expect(person.companyIds).toEqual([company.id]);
    const missing = '01900000-0000-7000-8000-000000000000';
    expectProblem(await t.call('POST', '/api/v1/objects/people', { companyId: missing }), 400, 'companyId');
  });

  it.each([
    ['an unknown field', { nickname: 'x' }, 'nickname'],
    ['a wrong type', { firstName: 42 }, 'firstName'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a bad phone', { phone: '12' }, 'phone'],
    ['a choice that does not exist', { lifecycleStage: 'vip' }, 'lifecycleStage'],
    ['a read-only field', { fullName: 'X' }, 'fullName'],
    ['a system field', { id: '01900000-0000-7000-8000-000000000000' }, 'id'],
  ])('refuses %s with 400 naming the field', async (_case, body, field) => {
    expectProblem(await t.call('POST', '/api/v1/objects/people', body), 400, field);
  });

  it('refuses a missing required field, naming it', async () => {
    expectProblem(await t.call('POST', '/api/v1/objects/companies', { industry: 'retail' }), 400, 'name');
  });

  it('says in words what a malformed email, web address or date should look like', async () => {
    const email = expectProblem(await t.call('POST', '/api/v1/objects/people', { firstName: 'Grace', email: 'grace-at-navy' }), 400, 'email');
    expect(email.errors).toContainEqual({ field: 'email', message: 'must be an email address, such as name@example.com' });
    const when = expectProblem(await t.call('POST', '/api/v1/objects/tasks', { title: 'Call back', dueAt: 'next tuesday' }), 400, 'dueAt');
    expect(when.errors.find((e: { field: string }) => e.field === 'dueAt').message).toMatch(/^must be a date/);
  });

  it('refuses bodies that are not JSON objects', async () => {
    expectProblem(await t.call('POST', '/api/v1/objects/people', [1, 2]), 400, '');
    expectProblem(await t.call('POST', '/api/v1/objects/people', '{"firstName": ', { 'content-type': 'application/json' }), 400, 'body');
    expectProblem(await t.call('POST', '/api/v1/objects/people', 'firstName=Ada', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    expectProblem(await t.call('POST', '/api/v1/objects/people', JSON.stringify({ firstName: 'x'.repeat(5 * 1024 * 1024) }), { 'content-type': 'application/json' }), 413);
  });

  it('answers unknown objects, unknown ids and malformed ids with 404 and 400', async () => {
    expectProblem(await t.call('GET', '/api/v1/objects/spaceships'), 404);
    expectProblem(await t.call('POST', '/api/v1/objects/spaceships', { name: 'x' }), 404);
    expectProblem(await t.call('GET', '/api/v1/objects/people/01900000-0000-7000-8000-000000000000'), 404);
    expectProblem(await t.call('PATCH', '/api/v1/objects/people/01900000-0000-7000-8000-000000000000', { firstName: 'x' }), 404);
    expectProblem(await t.call('GET', '/api/v1/objects/people/not-an-id'), 400, 'id');
    expectProblem(await t.call('GET', '/api/v1/nothing-here'), 404);
  });

  it('refuses requests without a valid API key', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/objects/people' });
    expectProblem(none, 401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/objects/people', headers: { authorization: 'Bearer rpk_wrong' } }), 401);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 401);
  });

  it('updates with If-Match, refuses a stale one with 409 and changes nothing', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Grace' });
    const updated = await t.call('PATCH', `/api/v1/objects/people/${person.id}`, { lastName: 'Hopper', jobTitle: 'Rear admiral' }, { 'if-match': '"1"' });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ fullName: 'Grace Hopper', version: 2 });
    const stale = expectProblem(await t.call('PATCH', `/api/v1/objects/people/${person.id}`, { jobTitle: 'Engineer' }, { 'if-match': '"1"' }), 409);
    expect(stale.type).toBe('urn:rapport:problem:version-conflict');
    expect((await t.ok('GET', `/api/v1/objects/people/${person.id}`)).jobTitle).toBe('Rear admiral');
    expectProblem(await t.call('PATCH', `/api/v1/objects/people/${person.id}`, { jobTitle: 'x' }, { 'if-match': 'yesterday' }), 400, 'If-Match');
    expectProblem(await t.call('PATCH', `/api/v1/objects/people/${person.id}`, {}), 400);
  });

  it('keeps field-level history of every change, newest first', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Alan', email: 'alan@example.com' });
    await t.ok('PATCH', `/api/v1/objects/people/${person.id}`, { email: 'turing@example.com' });
    await t.ok('DELETE', `/api/v1/objects/people/${person.id}`);
    const { data } = await t.ok('GET', `/api/v1/objects/people/${person.id}/history`);
    expect(data.map((entry: { operation: string; field: string | null }) => `${entry.operation}:${entry.field ?? ''}`)).toEqual(['delete:', 'update:email', 'create:']);
    expect(data[1]).toMatchObject({ oldValue: 'alan@example.com', newValue: 'turing@example.com', changedBy: expect.stringMatching(/^apiKey:/) });
    expect(data[2].newValue).toMatchObject({ firstName: 'Alan', email: 'alan@example.com' });
  });

  it('moves records to the trash and restores them', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Trash', email: 'trash@example.com' });
    const trashed = await t.ok('DELETE', `/api/v1/objects/people/${person.id}`);
    expect(trashed.deletedAt).toEqual(expect.any(String));
    expectProblem(await t.call('GET', `/api/v1/objects/people/${person.id}`), 404);
    const trash = await t.ok('GET', `/api/v1/objects/people?trashed=true&filter=${encodeURIComponent('email = "trash@example.com"')}`);
    expect(trash.data.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expectProblem(await t.call('DELETE', `/api/v1/objects/people/${person.id}`), 404);
    // the email is free while the person is in the trash…
    const other = await t.ok('POST', '/api/v1/objects/people', { email: 'trash@example.com' });
    // …so restoring collides with the new owner
    expectProblem(await t.call('POST', `/api/v1/objects/people/${person.id}/restore`), 409);
    await t.ok('DELETE', `/api/v1/objects/people/${other.id}`);
    const restored = await t.ok('POST', `/api/v1/objects/people/${person.id}/restore`);
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expectProblem(await t.call('POST', `/api/v1/objects/people/${person.id}/restore`), 409);
  });

  it('refuses a duplicate of a unique field with 409 naming it', async () => {
    await t.ok('POST', '/api/v1/objects/companies', { name: 'Dup', domain: 'dup.example' });
    expectProblem(await t.call('POST', '/api/v1/objects/companies', { name: 'Dup 2', domain: 'dup.example' }), 409, 'domain');
  });

  it('computes order totals from the lines, taking the product cost when a line has none', async () => {
    const product = await t.ok('POST', '/api/v1/objects/products', { name: 'Widget', sku: 'W-1', price: 2500, cost: 1000, currency: 'EUR' });
    const order = await t.ok('POST', '/api/v1/objects/orders', {
      number: 'SO-1', orderedAt: '2026-01-05T10:00:00Z', currency: 'EUR',
      lines: [{ productId: product.id, quantity: 3, unitPrice: 2500, discount: 500 }, { description: 'Setup', quantity: 1, unitPrice: 10000, unitCost: 4000 }],
    });
    expect(order).toMatchObject({ subtotal: 17500, discountTotal: 500, total: 17000, costTotal: 7000 });
    expect(order.lines).toHaveLength(2);
    expect(order.lines[0]).toMatchObject({ productId: product.id, quantity: 3, unitCost: 1000 });
    expectProblem(await t.call('POST', '/api/v1/objects/orders', { number: 'SO-2', orderedAt: '2026-01-05T10:00:00Z', currency: 'EUR', lines: [{ quantity: 1, unitPrice: 100, discount: 200 }] }), 400, 'lines[0].discount');
    expectProblem(await t.call('POST', '/api/v1/objects/orders', { number: 'SO-3', orderedAt: '2026-01-05T10:00:00Z', currency: 'EUR', lines: [{ quantity: 'two', unitPrice: 100 }] }), 400, 'lines[0].quantity');
  });

  it('keeps survey scores on the scale of their kind', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Sue' });
    await t.ok('POST', '/api/v1/objects/surveyResponses', { kind: 'nps', score: 9, personId: person.id, respondedAt: '2026-02-01T00:00:00Z' });
    expectProblem(await t.call('POST', '/api/v1/objects/surveyResponses', { kind: 'csat', score: 9, personId: person.id, respondedAt: '2026-02-01T00:00:00Z' }), 400, 'score');
  });

  it('never shows another workspace its records', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Secret' });
    const other = await t.otherWorkspace();
    for (const [method, url, body] of [
      ['GET', `/api/v1/objects/people/${person.id}`],
      ['PATCH', `/api/v1/objects/people/${person.id}`, { firstName: 'Stolen' }],
      ['DELETE', `/api/v1/objects/people/${person.id}`],
      ['POST', `/api/v1/objects/people/${person.id}/restore`],
      ['GET', `/api/v1/objects/people/${person.id}/history`],
      ['GET', `/api/v1/objects/people/${person.id}/timeline`],
    ] as const) {
      const response = await other.call(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('Secret');
    }
    const linked = await other.call('POST', '/api/v1/objects/notes', { body: 'x', personId: person.id });
    expect(linked.statusCode).toBe(400);
    expect((await t.ok('GET', `/api/v1/objects/people/${person.id}`)).firstName).toBe('Secret');
  });
});
