import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('listing records on %s', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const list = (query: string) => t.ok('GET', `/api/v1/objects/people?${query}`);
  const names = (page: { data: { firstName: string }[] }) => page.data.map((p) => p.firstName);
  const filter = (text: string) => `filter=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const retail = await t.ok('POST', '/api/v1/objects/companies', { name: 'Shopkeepers', industry: 'retail' });
    const software = await t.ok('POST', '/api/v1/objects/companies', { name: 'Codeworks', industry: 'software' });
    const vip = await t.ok('POST', '/api/v1/objects/tags', { name: 'vip' });
    const people = [
      { firstName: 'Ann', lastName: 'Archer', lifecycleStage: 'customer', companyId: retail.id, city: 'Zürich', tagIds: [vip.id] },
      { firstName: 'Ben', lastName: 'Baker', lifecycleStage: 'customer', companyId: software.id, city: 'Bern' },
      { firstName: 'Cid', lastName: 'Carter', lifecycleStage: 'lead', companyId: retail.id },
      { firstName: 'Dot', lastName: 'Dyer', lifecycleStage: 'churned', city: 'basel', otherEmails: ['dot@work.example'] },
      { firstName: 'Eve', lifecycleStage: 'customer', companyIds: [software.id, retail.id], city: '50% off_city' },
    ];
    for (const person of people) ids[person.firstName] = (await t.ok('POST', '/api/v1/objects/people', person)).id;
  });
  afterAll(() => t.close());

  it('filters on fields, relations, lists and emptiness', async () => {
    expect(names(await list(`${filter('lifecycleStage = "customer"')}&sort=firstName`))).toEqual(['Ann', 'Ben', 'Eve']);
    expect(names(await list(`${filter('company.industry = "retail"')}&sort=firstName`))).toEqual(['Ann', 'Cid']);
    expect(names(await list(`${filter('companies.industry = "software"')}&sort=firstName`))).toEqual(['Ben', 'Eve']);
    expect(names(await list(`${filter('tags.name = "vip"')}&sort=firstName`))).toEqual(['Ann']);
    expect(names(await list(`${filter('city contains "BAS"')}&sort=firstName`))).toEqual(['Dot']);
    expect(names(await list(`${filter('city contains "%"')}&sort=firstName`))).toEqual(['Eve']);
    expect(names(await list(`${filter('city contains "_"')}&sort=firstName`))).toEqual(['Eve']);
    expect(names(await list(`${filter('city isEmpty')}&sort=firstName`))).toEqual(['Cid']);
    expect(names(await list(`${filter('lastName != "Baker" and not city isEmpty')}&sort=firstName`))).toEqual(['Ann', 'Dot', 'Eve']);
    expect(names(await list(`${filter('lifecycleStage in ("lead", "churned") or firstName startsWith "e"')}&sort=firstName`))).toEqual(['Cid', 'Dot', 'Eve']);
    expect(names(await list(`${filter('otherEmails contains "@work"')}&sort=firstName`))).toEqual(['Dot']);
    expect(names(await list(`${filter(`companyIds = "${(await t.ok('GET', `/api/v1/objects/people/${ids.Ben}`)).companyId}"`)}&sort=firstName`))).toEqual(['Ben', 'Eve']);
    const json = JSON.stringify({ and: [{ field: 'lifecycleStage', op: '=', value: 'customer' }, { field: 'city', op: 'startsWith', value: 'z' }] });
    expect(names(await list(`filter=${encodeURIComponent(json)}`))).toEqual(['Ann']);
  });

  it('sorts on any field, empty values last either way', async () => {
    // by code point: digits < upper case < lower case ("Zürich" before "basel")
    expect(names(await list('sort=city'))).toEqual(['Eve', 'Ben', 'Ann', 'Dot', 'Cid']);
    expect(names(await list('sort=-city'))).toEqual(['Dot', 'Ann', 'Ben', 'Eve', 'Cid']);
    expect(names(await list('sort=lifecycleStage,-firstName'))).toEqual(['Dot', 'Eve', 'Ben', 'Ann', 'Cid']);
  });

  it('pages with a cursor through every record exactly once', async () => {
    for (const sort of ['city', '-city', 'lastName', '-createdAt', 'lifecycleStage,firstName']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { firstName: string }[]; nextCursor: string | null } = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...names(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(names(await list(`sort=${sort}`)));
    }
  });

  it('returns chosen fields and the total on request', async () => {
    const page = await list(`${filter('lifecycleStage = "customer"')}&fields=firstName&total=true&limit=1&sort=firstName`);
    expect(page.data).toEqual([{ id: ids.Ann, version: 1, firstName: 'Ann' }]);
    expect(page.total).toBe(3);
  });

  it.each([
    ['a syntax error, with its position', filter('firstName = '), 'filter', /column 13/],
    ['an unknown field', filter('nickname = "x"'), 'filter', /nickname/],
    ['an operator the type does not have', filter('lifecycleStage > "lead"'), 'filter', /lifecycleStage/],
    ['a value the type does not take', filter('createdAt > "last tuesday"'), 'filter', /createdAt/],
    ['a filter in broken JSON form', 'filter=%7B%22and%22%3A1%7D', 'filter', /JSON form/],
    ['an unknown sort field', 'sort=nickname', 'sort', /nickname/],
    ['an unsortable field', 'sort=tagIds', 'sort', /tagIds/],
    ['a damaged cursor', 'cursor=abc', 'cursor', /cursor/],
    ['a limit of 0', 'limit=0', 'limit', /./],
    ['a limit too high', 'limit=501', 'limit', /./],
    ['an unknown parameter', 'filters=x', 'filters', /./],
    ['unknown fields to return', 'fields=nickname', 'fields', /nickname/],
  ])('refuses %s with 400', async (_case, query, field, message) => {
    const response = await t.call('GET', `/api/v1/objects/people?${query}`);
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify(problem)).toMatch(message);
  });

  it('refuses a cursor made for another sort', async () => {
    const page = await list('sort=city&limit=1');
    const response = await t.call('GET', `/api/v1/objects/people?sort=lastName&cursor=${page.nextCursor}`);
    expect(response.statusCode).toBe(400);
  });

  it('filters orders by their lines and interactions by their participants', async () => {
    const product = await t.ok('POST', '/api/v1/objects/products', { name: 'Gadget', sku: 'G-1', price: 100, currency: 'EUR' });
    const order = await t.ok('POST', '/api/v1/objects/orders', { number: 'L-1', orderedAt: '2026-03-01T00:00:00Z', currency: 'EUR', lines: [{ productId: product.id, quantity: 2, unitPrice: 100 }] });
    await t.ok('POST', '/api/v1/objects/orders', { number: 'L-2', orderedAt: '2026-03-02T00:00:00Z', currency: 'EUR', lines: [{ description: 'Other', quantity: 1, unitPrice: 5 }] });
    const byLine = await t.ok('GET', `/api/v1/objects/orders?${filter(`lines.productId = "${product.id}"`)}`);
    expect(byLine.data.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const call = await t.ok('POST', '/api/v1/objects/interactions', { channel: 'call', direction: 'outbound', occurredAt: '2026-03-03T10:00:00Z', participants: [{ personId: ids.Ann, role: 'to' }] });
    const withAnn = await t.ok('GET', `/api/v1/objects/interactions?${filter(`participants.personId = "${ids.Ann}"`)}`);
    expect(withAnn.data.map((i: { id: string }) => i.id)).toEqual([call.id]);
  });
});
