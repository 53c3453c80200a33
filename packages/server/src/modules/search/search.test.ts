import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member } from '../../../test/support/people.js';

describe.each(DIALECTS)('global search on %s', (dialect) => {
  let t: TestApp;
  let grace: { id: string };
  let company: { id: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Hopper Logistics', domain: 'hopper.example' });
    grace = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example', companyId: company.id });
    await t.ok('POST', '/api/v1/objects/people', { firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.example' });
    await t.ok('POST', '/api/v1/objects/cases', { subject: 'Hopper invoice is wrong', personId: grace.id });
  });
  afterAll(() => t.close());

  it('finds records of every object by name, email or other searchable field, case-insensitively', async () => {
    const { data } = await t.ok('GET', '/api/v1/search?q=hopper');
    expect(data.map((group: { object: string }) => group.object).sort()).toEqual(['cases', 'companies', 'people']);
    const people = data.find((group: { object: string }) => group.object === 'people');
    expect(people).toMatchObject({ label: 'People', records: [{ id: grace.id, title: 'Grace Hopper', match: null }] });

    // Found in a field other than the name: the hit says where.
    const byEmail = (await t.ok('GET', '/api/v1/search?q=BLETCHLEY')).data;
    expect(byEmail).toHaveLength(1);
    expect(byEmail[0].records[0]).toMatchObject({ title: 'Alan Turing', match: { field: 'email', label: 'Email', value: 'alan@bletchley.example' } });

    // Narrowed to some objects; wildcards of SQL are plain characters.
    expect((await t.ok('GET', '/api/v1/search?q=hopper&objects=companies')).data.map((g: { object: string }) => g.object)).toEqual(['companies']);
    expect((await t.ok('GET', '/api/v1/search?q=%25')).data).toEqual([]);
    expect((await t.ok('GET', '/api/v1/search?q=nobody-at-all')).data).toEqual([]);
  });

  it('finds only what the caller may see', async () => {
    // A sales rep sees their team's people: Grace's owner is not in their team.
    const owner = await member(t, 'manager');
    await t.ok('PATCH', `/api/v1/objects/people/${grace.id}`, { ownerId: owner.userId });
    const rep = await member(t, 'salesRep');
    const found = (await rep.call('GET', '/api/v1/search?q=hopper')).json().data;
    expect(found.map((group: { object: string }) => group.object)).not.toContain('people');
    // A support agent reads no deals: the object is not searched at all.
    await t.ok('POST', '/api/v1/objects/deals', { name: 'Hopper renewal', stageId: (await t.ok('GET', '/api/v1/objects/stages?limit=1&sort=position')).data[0].id });
    const agent = await member(t, 'supportAgent');
    const seen = (await agent.call('GET', '/api/v1/search?q=renewal')).json().data;
    expect(seen).toEqual([]);
    expect((await t.ok('GET', '/api/v1/search?q=renewal')).data[0].object).toBe('deals');
    // Another workspace finds nothing.
    const other = await t.otherWorkspace();
    expect((await other.call('GET', '/api/v1/search?q=hopper')).json().data).toEqual([]);
  });

  it('answers bad input with a problem naming the parameter', async () => {
    for (const [url, field] of [
      ['/api/v1/search', 'q'],
      ['/api/v1/search?q=%20%20', 'q'],
      ['/api/v1/search?q=x&limit=0', 'limit'],
      ['/api/v1/search?q=x&objects=unicorns', 'objects'],
      [`/api/v1/search?q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const response = await t.call('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), url).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=hopper' })).statusCode).toBe(401);
  });
});
