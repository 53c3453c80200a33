import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('concurrent writes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lets exactly one of 50 parallel PATCHes with the same If-Match win; history shows one change', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Race' });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      t.call('PATCH', `/api/v1/objects/people/${person.id}`, { jobTitle: `Writer ${i}` }, { 'if-match': '"1"' })));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = responses.find((response) => response.statusCode === 200)!.json();
    const stored = await t.ok('GET', `/api/v1/objects/people/${person.id}`);
    expect(stored).toMatchObject({ version: 2, jobTitle: winner.jobTitle });
    const { data } = await t.ok('GET', `/api/v1/objects/people/${person.id}/history`);
    expect(data.filter((entry: { operation: string }) => entry.operation === 'update')).toHaveLength(1);
  });

  it('applies every one of 20 parallel PATCHes without If-Match, losing none', async () => {
    const deal = await t.ok('POST', '/api/v1/objects/tags', { name: 'counter' });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => t.call('PATCH', `/api/v1/objects/tags/${deal.id}`, { color: `#0000${String(i).padStart(2, '0')}` })));
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    expect((await t.ok('GET', `/api/v1/objects/tags/${deal.id}`)).version).toBe(21);
  });
});
