import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member } from '../../../test/support/people.js';

describe.each(DIALECTS)('satisfaction analytics on %s', (dialect) => {
  let t: TestApp;
  let retail: { id: string };
  let ada: { id: string };
  let bob: { id: string };
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    retail = await t.ok('POST', '/api/v1/objects/companies', { name: 'Shop Ltd', industry: 'retail' });
    ada = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Ada', companyId: retail.id, lifecycleStage: 'customer' });
    bob = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Bob', lifecycleStage: 'lead' });
    agent = (await member(t, 'supportAgent')).userId;
    const ticket = await t.ok('POST', '/api/v1/objects/cases', { subject: 'Broken', personId: ada.id, assigneeId: agent });
    const answer = (personId: string, kind: string, score: number, respondedAt: string, caseId?: string) =>
      t.ok('POST', '/api/v1/objects/surveyResponses', { personId, kind, score, respondedAt, ...(caseId ? { caseId } : {}) });
    await answer(ada.id, 'nps', 10, '2026-01-10T10:00:00.000Z');
    await answer(ada.id, 'nps', 9, '2026-02-10T10:00:00.000Z');
    await answer(ada.id, 'csat', 5, '2026-02-11T10:00:00.000Z', ticket.id);
    await answer(ada.id, 'csat', 2, '2026-02-12T10:00:00.000Z', ticket.id);
    await answer(bob.id, 'nps', 3, '2026-02-15T10:00:00.000Z');
    await answer(bob.id, 'nps', 8, '2026-03-01T10:00:00.000Z');
    await answer(bob.id, 'csat', 4, '2026-03-02T10:00:00.000Z');
  });
  afterAll(() => t.close());

  it('sums up the workspace: NPS, CSAT, monthly series and by agent', async () => {
    const report = await t.ok('GET', '/api/v1/analytics/satisfaction');
    // NPS answers 10, 9, 3, 8: 2 promoters, 1 passive, 1 detractor → 25. CSAT 5, 2, 4 → 2 of 3 satisfied.
    expect(report.nps).toMatchObject({ nps: 25, answers: 4, promoters: 2, passives: 1, detractors: 1 });
    expect(report.csat).toMatchObject({ csat: 66.7, answers: 3, satisfied: 2 });
    expect(report.monthly).toEqual([
      { month: '2026-01', nps: 100, csat: null, answers: 1 },
      { month: '2026-02', nps: 0, csat: 50, answers: 4 },
      { month: '2026-03', nps: 0, csat: 100, answers: 2 },
    ]);
    expect(report.byAgent).toEqual([{ agentId: agent, csat: 50, nps: null, answers: 2 }]);
  });

  it('narrows to a segment, a person, a company and a period', async () => {
    const segment = await t.ok('GET', `/api/v1/analytics/satisfaction?filter=${encodeURIComponent('lifecycleStage = "lead"')}`);
    expect(segment.nps).toMatchObject({ nps: -50, answers: 2 });
    const throughRelation = await t.ok('GET', `/api/v1/analytics/satisfaction?filter=${encodeURIComponent('company.industry = "retail"')}`);
    expect(throughRelation.nps).toMatchObject({ nps: 100, answers: 2 });
    expect((await t.ok('GET', `/api/v1/analytics/people/${bob.id}/satisfaction`)).csat).toMatchObject({ csat: 100, answers: 1 });
    expect((await t.ok('GET', `/api/v1/analytics/companies/${retail.id}/satisfaction`)).csat).toMatchObject({ csat: 50, answers: 2 });
    const february = await t.ok('GET', '/api/v1/analytics/satisfaction?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(february.nps).toMatchObject({ nps: 0, answers: 2 });
  });

  it('refuses bad input with a problem naming the field', async () => {
    const cases: [string, string][] = [
      [`/api/v1/analytics/satisfaction?filter=${encodeURIComponent('lifecycleStage = ')}`, 'filter'],
      [`/api/v1/analytics/satisfaction?filter=${encodeURIComponent('shoeSize > 3')}`, 'filter'],
      ['/api/v1/analytics/satisfaction?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'from'],
      ['/api/v1/analytics/satisfaction?from=last-week', 'from'],
      ['/api/v1/analytics/satisfaction?period=month', 'period'],
      ['/api/v1/analytics/people/not-an-id/satisfaction', 'id'],
      ['/api/v1/analytics/profitability?supportHourlyCost=-5', 'supportHourlyCost'],
      ['/api/v1/analytics/profitability?supportHourlyCost=lots', 'supportHourlyCost'],
      [`/api/v1/analytics/profitability?filter=${encodeURIComponent('clv >')}`, 'filter'],
      ['/api/v1/analytics/profitability?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'from'],
    ];
    for (const [url, field] of cases) {
      const response = await t.call('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), url).toContain(field);
    }
  });

  it('measures loyalty from paid orders, for the workspace and a segment', async () => {
    const order = (personId: string, orderedAt: string, unitPrice: number, status = 'paid') => t.ok('POST', '/api/v1/objects/orders', {
      number: `SO-${orderedAt.slice(0, 10)}-${unitPrice}`, personId, orderedAt, status, currency: 'EUR', lines: [{ description: 'Item', quantity: 1, unitPrice }],
    });
    await order(ada.id, '2026-01-01T00:00:00.000Z', 100);
    await order(ada.id, '2026-01-11T00:00:00.000Z', 50);
    await order(ada.id, '2026-01-31T00:00:00.000Z', 50);
    await order(bob.id, '2026-01-21T00:00:00.000Z', 200);
    await order(bob.id, '2026-01-25T00:00:00.000Z', 999, 'cancelled');
    const report = await t.ok('GET', '/api/v1/analytics/loyalty?to=2026-01-31T00:00:01.000Z');
    expect(report).toMatchObject({ customers: 2, purchases: 4, repeatPurchaseRate: 50, purchaseFrequency: 2, meanInterPurchaseDays: 15, returningRevenueShare: 25 });
    // Ada referred two people, one of whom bought; Bob referred none.
    const carol = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Carol', referredById: ada.id, lifecycleStage: 'customer' });
    await t.ok('POST', '/api/v1/objects/people', { firstName: 'Dan', referredById: ada.id, lifecycleStage: 'customer' });
    await order(carol.id, '2026-02-01T00:00:00.000Z', 70);
    expect((await t.ok('GET', '/api/v1/analytics/loyalty?to=2026-01-31T00:00:01.000Z')).referrals).toMatchObject({ referrals: 0 });
    expect((await t.ok('GET', '/api/v1/analytics/loyalty')).referrals).toEqual({ referrals: 2, referredBuyers: 1, referringCustomers: 1, referringRate: 33.3 });
    const leads = await t.ok('GET', `/api/v1/analytics/loyalty?filter=${encodeURIComponent('lifecycleStage = "lead"')}`);
    expect(leads).toMatchObject({ customers: 1, purchases: 1, repeatPurchaseRate: 0 });
    expect((await t.call('GET', '/api/v1/analytics/loyalty?to=yesterday')).json().errors[0].field).toBe('to');
  });

  it('builds the cohort matrix and monthly retention from paid orders', async () => {
    const other = await t.otherWorkspace();
    const post = async (url: string, body: unknown) => (await other.call('POST', url, body)).json();
    const a = await post('/api/v1/objects/people', { firstName: 'A' });
    const b = await post('/api/v1/objects/people', { firstName: 'B' });
    let n = 0;
    for (const [personId, orderedAt] of [[a.id, '2026-01-05'], [a.id, '2026-02-11'], [b.id, '2026-01-20'], [b.id, '2026-03-02']]) {
      await post('/api/v1/objects/orders', { number: `R-${++n}`, personId, orderedAt: `${orderedAt}T10:00:00.000Z`, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] });
    }
    const report = (await other.call('GET', '/api/v1/analytics/retention?to=2026-04-01T00:00:00Z')).json();
    expect(report.cohorts).toEqual([{ cohort: '2026-01', size: 2, retention: [100, 50, 50] }]);
    expect(report.monthly.map((m: { month: string; retention: number }) => [m.month, m.retention])).toEqual([['2026-02', 50], ['2026-03', 0]]);
  });

  it('measures profit per customer with cost of goods and cost to serve, the whale curve and RFM', async () => {
    const other = await t.otherWorkspace();
    const ok = async (method: 'POST' | 'GET', url: string, body?: unknown) => {
      const response = await other.call(method, url, body);
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
      return response.json();
    };
    const good = await ok('POST', '/api/v1/objects/people', { firstName: 'Good' });
    const costly = await ok('POST', '/api/v1/objects/people', { firstName: 'Costly' });
    const order = (personId: string, n: number, unitPrice: number, unitCost: number) => ok('POST', '/api/v1/objects/orders', {
      number: `P-${n}`, personId, orderedAt: `2026-05-0${n}T10:00:00.000Z`, currency: 'EUR', lines: [{ description: 'Item', quantity: 2, unitPrice, unitCost }],
    });
    await order(good.id, 1, 10_000, 4_000); // revenue 20,000, cost 8,000
    await order(good.id, 2, 5_000, 2_000); // revenue 10,000, cost 4,000
    await order(costly.id, 3, 3_000, 2_000); // revenue 6,000, cost 4,000
    await ok('POST', '/api/v1/objects/cases', { subject: 'Again', personId: costly.id, supportMinutes: 180, openedAt: '2026-05-04T10:00:00.000Z' });
    const campaign = await ok('POST', '/api/v1/objects/campaigns', { name: 'Spring', currency: 'EUR', actualCost: 1_001, startsOn: '2026-05-01' });
    for (const personId of [good.id, costly.id]) await ok('POST', '/api/v1/objects/campaignMembers', { campaignId: campaign.id, personId });
    // A campaign that starts after the period counts in later periods only.
    const autumn = await ok('POST', '/api/v1/objects/campaigns', { name: 'Autumn', currency: 'EUR', actualCost: 2_000, startsOn: '2026-09-01' });
    await ok('POST', '/api/v1/objects/campaignMembers', { campaignId: autumn.id, personId: good.id });
    const report = await ok('GET', '/api/v1/analytics/profitability?supportHourlyCost=3000&to=2026-06-01T00:00:00Z');
    // Each member bears half the campaign: 500.5. good: 30,000 − 12,000 − 501 = 17,499;
    // costly: 6,000 − 4,000 − (180 min × 30.00/h = 9,000 + 500.5 → 9,501) = −7,501.
    expect(report.totals).toEqual({ customers: 2, revenue: 36_000, costOfGoods: 16_000, costToServe: 10_002, profit: 9_998 });
    expect(report.unprofitableCustomers).toBe(1);
    expect(report.mostProfitable.map((p: { customerId: string; profit: number }) => [p.customerId, p.profit])).toEqual([[good.id, 17_499], [costly.id, -7_501]]);
    expect(report.whaleCurve).toMatchObject({ totalProfit: 9_998, peakProfit: 17_499 });
    expect(report.whaleCurve.points.at(-1)).toMatchObject({ customerShare: 1, cumulativeProfit: 9_998 });
    expect(Object.values(report.rfmSegments).reduce((a: number, b) => a + (b as number), 0)).toBe(2);
    const later = await ok('GET', '/api/v1/analytics/profitability?supportHourlyCost=3000&from=2026-06-01T00:00:00Z');
    expect(later.totals).toEqual({ customers: 1, revenue: 0, costOfGoods: 0, costToServe: 2_000, profit: -2_000 });
    // A segment of one member bears that member's share of the campaign, not its whole cost.
    const alone = await ok('GET', `/api/v1/analytics/profitability?supportHourlyCost=3000&filter=${encodeURIComponent('firstName = "Costly"')}`);
    expect(alone.totals).toEqual({ customers: 1, revenue: 6_000, costOfGoods: 4_000, costToServe: 9_501, profit: -7_501 });

    // Each customer's profit over all time at the default support cost is their stored historical CLV.
    await t.services.jobs.drain(other.workspaceId);
    const whole = await ok('GET', '/api/v1/analytics/profitability?fresh=true');
    for (const person of [good, costly]) {
      const { clv } = await ok('GET', `/api/v1/objects/people/${person.id}?fields=clv`);
      expect(whole.mostProfitable.find((p: { customerId: string }) => p.customerId === person.id).profit).toBe(clv);
    }
    // Members are counted at each refit, as for the metrics: a member who joins later bears a share
    // of the cost as last counted (half) until the next refit counts three.
    const ctx = await t.services.workspaces.contextForSlug(other.slug, 'system');
    await t.services.metrics.recomputeAll(ctx, { refit: true });
    const late = await ok('POST', '/api/v1/objects/people', { firstName: 'Late' });
    await ok('POST', '/api/v1/objects/campaignMembers', { campaignId: campaign.id, personId: late.id });
    await t.services.jobs.drain(other.workspaceId);
    const lateProfit = async () => (await ok('GET', `/api/v1/analytics/profitability?fresh=true&filter=${encodeURIComponent('firstName = "Late"')}`)).totals.profit;
    expect(await lateProfit()).toBe(-501);
    expect((await ok('GET', `/api/v1/objects/people/${late.id}?fields=clv`)).clv).toBe(-501);
    await t.services.metrics.recomputeAll(ctx, { refit: true });
    expect(await lateProfit()).toBe(-334);
    expect((await ok('GET', `/api/v1/objects/people/${late.id}?fields=clv`)).clv).toBe(-334);
    const marketer = await member(t, 'marketer');
    const refused = await marketer.call('GET', '/api/v1/analytics/profitability');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('order costs');
  });

  it('is for roles that may read analytics', async () => {
    const support = await member(t, 'supportAgent');
    expect((await support.call('GET', '/api/v1/analytics/satisfaction')).statusCode).toBe(403);
    const rep = await member(t, 'salesRep');
    expect((await rep.call('GET', '/api/v1/analytics/satisfaction')).statusCode).toBe(200);
  });
});
