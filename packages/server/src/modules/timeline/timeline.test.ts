import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('timelines on %s', (dialect) => {
  let t: TestApp;
  let company: { id: string };
  let ann: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Timeline Ltd' });
    ann = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Ann', companyId: company.id });
    bob = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Bob' });
    const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    await t.ok('POST', '/api/v1/objects/interactions', { channel: 'email', direction: 'inbound', subject: 'Question', occurredAt: at(2), participants: [{ personId: ann.id, role: 'from' }] });
    await t.ok('POST', '/api/v1/objects/interactions', { channel: 'call', direction: 'outbound', subject: 'Bob only', occurredAt: at(3), participants: [{ personId: bob.id, role: 'to' }] });
    await t.ok('POST', '/api/v1/objects/orders', { number: 'T-1', personId: ann.id, orderedAt: at(4), currency: 'EUR', lines: [{ quantity: 1, unitPrice: 100 }] });
    await t.ok('POST', '/api/v1/objects/surveyResponses', { kind: 'nps', score: 10, comment: 'Love it', personId: ann.id, respondedAt: at(5) });
    await t.ok('POST', '/api/v1/objects/cases', { subject: 'Broken', personId: ann.id, openedAt: at(6) });
    await t.ok('POST', '/api/v1/objects/notes', { body: 'Met at the fair', title: 'Company note', companyId: company.id });
    await t.ok('POST', '/api/v1/objects/tasks', { title: 'Call back', personId: ann.id });
  });
  afterAll(() => t.close());

  const kinds = (page: { data: { kind: string; title: string | null }[] }) => page.data.filter((e) => e.kind !== 'change').map((e) => `${e.kind}:${e.title}`);

  it('merges everything that concerns a person, newest first', async () => {
    const page = await t.ok('GET', `/api/v1/objects/people/${ann.id}/timeline`);
    expect(kinds(page)).toEqual(['task:Call back', 'case:Broken', 'surveyResponse:Love it', 'order:T-1', 'interaction:Question']);
    expect(page.data.some((e: { kind: string }) => e.kind === 'change')).toBe(true);
    const ats = page.data.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  it('shows on a company the activity of its people', async () => {
    const page = await t.ok('GET', `/api/v1/objects/companies/${company.id}/timeline?kinds=interaction,note,order`);
    expect(kinds(page)).toEqual(['note:Company note', 'order:T-1', 'interaction:Question']);
  });

  it('pages with a cursor and filters by kind', async () => {
    const all = await t.ok('GET', `/api/v1/objects/people/${ann.id}/timeline`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await t.ok('GET', `/api/v1/objects/people/${ann.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((e: { id: string }) => e.id));
    expect((await t.call('GET', `/api/v1/objects/people/${ann.id}/timeline?kinds=gossip`)).statusCode).toBe(400);
    expect((await t.call('GET', `/api/v1/objects/people/${ann.id}/timeline?cursor=zzz`)).statusCode).toBe(400);
  });
});
