import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('custom fields and objects on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const fieldsOf = async (object: string) => (await t.ok('GET', `/api/v1/metadata/objects/${object}`)).fields.map((f: { name: string }) => f.name);

  it('lists the standard objects with their fields', async () => {
    const { data } = await t.ok('GET', '/api/v1/metadata/objects');
    const names = data.map((o: { name: string }) => o.name);
    for (const name of ['people', 'companies', 'deals', 'pipelines', 'stages', 'interactions', 'tasks', 'notes', 'products', 'orders', 'cases', 'campaigns', 'surveyResponses', 'tags']) expect(names).toContain(name);
    const orders = data.find((o: { name: string }) => o.name === 'orders');
    expect(orders.fields.find((f: { name: string }) => f.name === 'lines').collection.fields.map((f: { name: string }) => f.name)).toEqual(['productId', 'description', 'quantity', 'unitPrice', 'unitCost', 'discount']);
  });

  it('makes a new field usable at once: validation, filter, sort, OpenAPI', async () => {
    await t.ok('POST', '/api/v1/metadata/objects/people/fields', { name: 'shoeSize', label: 'Shoe size', type: 'number', min: 10, max: 60 }, 201);
    await t.ok('POST', '/api/v1/metadata/objects/people/fields', { name: 'tier', label: 'Tier', type: 'select', choices: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] }, 201);
    const small = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Small', shoeSize: 38, tier: 'silver' });
    await t.ok('POST', '/api/v1/objects/people', { firstName: 'Large', shoeSize: 46, tier: 'gold' });
    expect(small).toMatchObject({ shoeSize: 38, tier: 'silver' });
    const bad = await t.call('POST', '/api/v1/objects/people', { shoeSize: 99 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('shoeSize');
    expect((await t.call('POST', '/api/v1/objects/people', { tier: 'bronze' })).json().errors[0].field).toBe('tier');
    const filtered = await t.ok('GET', `/api/v1/objects/people?filter=${encodeURIComponent('shoeSize > 40 and tier = "gold"')}`);
    expect(filtered.data.map((p: { firstName: string }) => p.firstName)).toEqual(['Large']);
    const sorted = await t.ok('GET', `/api/v1/objects/people?sort=-shoeSize&filter=${encodeURIComponent('shoeSize > 0')}`);
    expect(sorted.data.map((p: { firstName: string }) => p.firstName)).toEqual(['Large', 'Small']);
    const document = await t.ok('GET', '/api/v1/openapi.json');
    expect(document.components.schemas.PersonCreate.properties.shoeSize).toBeDefined();
    expect(document.components.schemas.Person.properties.tier).toBeDefined();
  });

  it('keeps a deleted field’s data until it is purged', async () => {
    await t.ok('POST', '/api/v1/metadata/objects/companies/fields', { name: 'vatNumber', label: 'VAT number', type: 'text' }, 201);
    const company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Taxed', vatNumber: 'GB123' });
    await t.ok('DELETE', '/api/v1/metadata/objects/companies/fields/vatNumber', undefined, 204);
    expect(await fieldsOf('companies')).not.toContain('vatNumber');
    const hidden = await t.ok('GET', `/api/v1/objects/companies/${company.id}`);
    expect(hidden).not.toHaveProperty('vatNumber');
    expect((await t.call('GET', `/api/v1/objects/companies?filter=${encodeURIComponent('vatNumber = "GB123"')}`)).statusCode).toBe(400);
    // an update of another field keeps the hidden value
    await t.ok('PATCH', `/api/v1/objects/companies/${company.id}`, { city: 'Leeds' });
    expect((await t.ok('GET', '/api/v1/metadata/objects/companies/deleted-fields')).data.map((f: { name: string }) => f.name)).toEqual(['vatNumber']);
    const clash = await t.call('POST', '/api/v1/metadata/objects/companies/fields', { name: 'vatNumber', label: 'VAT', type: 'text' });
    expect(clash.statusCode).toBe(409);
    await t.ok('POST', '/api/v1/metadata/objects/companies/fields/vatNumber/restore');
    expect((await t.ok('GET', `/api/v1/objects/companies/${company.id}`)).vatNumber).toBe('GB123');
    await t.ok('DELETE', '/api/v1/metadata/objects/companies/fields/vatNumber', undefined, 204);
    expect(await t.ok('POST', '/api/v1/metadata/objects/companies/fields/vatNumber/purge')).toEqual({ purgedRecords: 1 });
    await t.ok('POST', '/api/v1/metadata/objects/companies/fields', { name: 'vatNumber', label: 'VAT', type: 'text' }, 201);
    expect((await t.ok('GET', `/api/v1/objects/companies/${company.id}`)).vatNumber).toBeNull();
  });

  it('creates a field of every custom type', async () => {
    const types = [
      ['aText', 'text', {}, 'hello'], ['aNumber', 'number', {}, 1.5], ['aCurrency', 'currency', {}, 1999], ['aDate', 'date', {}, '2026-05-01'],
      ['aDatetime', 'datetime', {}, '2026-05-01T10:00:00.000Z'], ['aBoolean', 'boolean', {}, true],
      ['aSelect', 'select', { choices: [{ value: 'x', label: 'X' }] }, 'x'], ['aMulti', 'multiSelect', { choices: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] }, ['x', 'y']],
      ['anEmail', 'email', {}, 'a@b.example'], ['aPhone', 'phone', {}, '+12025550123'], ['aUrl', 'url', {}, 'https://example.com/'],
      ['aRelation', 'relation', { target: 'companies' }, null], ['aRating', 'rating', { max: 10 }, 7],
    ] as const;
    for (const [name, type, options] of types) await t.ok('POST', '/api/v1/metadata/objects/deals/fields', { name, label: name, type, ...options }, 201);
    const company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Target' });
    const { data: stages } = await t.ok('GET', `/api/v1/objects/stages?sort=position&limit=1`);
    const body: Record<string, unknown> = { name: 'Typed', stageId: stages[0].id };
    for (const [name, , , value] of types) body[name] = value ?? company.id;
    const deal = await t.ok('POST', '/api/v1/objects/deals', body);
    for (const [name, , , value] of types) expect(deal[name], name).toEqual(value ?? company.id);
    const viaRelation = await t.ok('GET', `/api/v1/objects/deals?filter=${encodeURIComponent('aRelation.name = "Target" and aMulti = "y" and aBoolean = true and aRating >= 7')}`);
    expect(viaRelation.data.map((d: { id: string }) => d.id)).toEqual([deal.id]);
  });

  it('refuses bad field definitions with 400 naming the problem', async () => {
    const cases = [
      [{ name: 'Bad Name', label: 'x', type: 'text' }, 'name'],
      [{ name: 'pick', label: 'x', type: 'select' }, 'choices'],
      [{ name: 'link', label: 'x', type: 'relation', target: 'nowhere' }, 'target'],
      [{ name: 'big', label: 'x', type: 'text', min: 3 }, 'min'],
      [{ name: 'oops', label: 'x', type: 'colour' }, 'type'],
      [{ name: 'and', label: 'x', type: 'text' }, 'name'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await t.call('POST', '/api/v1/metadata/objects/people/fields', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await t.call('POST', '/api/v1/metadata/objects/people/fields', { name: 'email', label: 'x', type: 'text' })).statusCode).toBe(409);
    expect((await t.call('POST', '/api/v1/metadata/objects/nowhere/fields', { name: 'x', label: 'x', type: 'text' })).statusCode).toBe(404);
  });

  it('gives a custom object the whole record API', async () => {
    const created = await t.ok('POST', '/api/v1/metadata/objects', { name: 'projects', labelSingular: 'Project', labelPlural: 'Projects' }, 201);
    expect(created.fields.map((f: { name: string }) => f.name)).toContain('name');
    await t.ok('POST', '/api/v1/metadata/objects/projects/fields', { name: 'budget', label: 'Budget', type: 'currency' }, 201);
    await t.ok('POST', '/api/v1/metadata/objects/projects/fields', { name: 'client', label: 'Client', type: 'relation', target: 'companies' }, 201);
    const company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Client Co', industry: 'finance' });
    const project = await t.ok('POST', '/api/v1/objects/projects', { name: 'Apollo', budget: 500000, client: company.id });
    await t.ok('POST', '/api/v1/objects/projects', { name: 'Gemini', budget: 100 });
    const found = await t.ok('GET', `/api/v1/objects/projects?filter=${encodeURIComponent('client.industry = "finance"')}&sort=name`);
    expect(found.data.map((p: { name: string }) => p.name)).toEqual(['Apollo']);
    const updated = await t.ok('PATCH', `/api/v1/objects/projects/${project.id}`, { budget: 600000 }, 200, { 'if-match': '"1"' });
    expect(updated).toMatchObject({ budget: 600000, version: 2, client: company.id });
    expect((await t.call('POST', '/api/v1/objects/projects', { budget: 1 })).json().errors[0].field).toBe('name');
    const { data: history } = await t.ok('GET', `/api/v1/objects/projects/${project.id}/history`);
    expect(history[0]).toMatchObject({ field: 'budget', oldValue: 500000, newValue: 600000 });
    expect((await t.call('DELETE', '/api/v1/metadata/objects/companies')).statusCode).toBe(422);
    await t.ok('DELETE', '/api/v1/metadata/objects/projects', undefined, 204);
    expect((await t.call('GET', '/api/v1/objects/projects')).statusCode).toBe(404);
    await t.ok('POST', '/api/v1/metadata/objects/projects/restore');
    expect((await t.ok('GET', '/api/v1/objects/projects?sort=name')).data.map((p: { name: string }) => p.name)).toEqual(['Apollo', 'Gemini']);
    expect((await t.call('POST', '/api/v1/metadata/objects', { name: 'people', labelSingular: 'P', labelPlural: 'Ps' })).statusCode).toBe(409);
  });

  it('does not show one workspace’s custom fields to another', async () => {
    await t.ok('POST', '/api/v1/metadata/objects/people/fields', { name: 'secretScore', label: 'Secret', type: 'number' }, 201);
    const other = await t.otherWorkspace();
    const people = (await other.call('GET', '/api/v1/metadata/objects/people')).json();
    expect(people.fields.map((f: { name: string }) => f.name)).not.toContain('secretScore');
    expect((await other.call('POST', '/api/v1/objects/people', { secretScore: 1 })).statusCode).toBe(400);
  });
});
