import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member } from '../../../test/support/people.js';
import { ReportSnapshots } from './snapshots.js';

const REPORTS = ['satisfaction', 'loyalty', 'retention', 'profitability'];
const MINUTE = 60_000;

/** A report's figures without the fields that say when and how it was computed. */
const figures = ({ computedAt: _at, isSnapshot: _snapshot, ...rest }: Record<string, unknown>) => rest;

describe.each(DIALECTS)('whole-workspace report snapshots on %s', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-06-10T12:00:00.000Z');
  let agent: string;
  let ada: { id: string };
  let n = 0;
  const answer = (personId: string, score: number) => t.ok('POST', '/api/v1/objects/surveyResponses', { personId, kind: 'nps', score, respondedAt: '2026-05-02T10:00:00.000Z' });
  const order = (call: TestApp['call'], personId: string, unitPrice: number) => call('POST', '/api/v1/objects/orders', {
    number: `S-${++n}`, personId, orderedAt: `2026-05-${String(1 + (n % 27)).padStart(2, '0')}T10:00:00.000Z`, currency: 'EUR',
    lines: [{ description: 'Item', quantity: 1, unitPrice, unitCost: Math.floor(unitPrice / 2) }],
  });
  const drain = (workspaceId = t.workspaceId) => t.services.jobs.drain(workspaceId);

  beforeAll(async () => {
    // Every report counts as slow here, so each one is answered from its snapshot.
    t = await createTestApp(dialect, { now: () => new Date(clock), reportSnapshots: { minComputeMs: 0 } });
    agent = (await member(t, 'supportAgent')).userId;
    ada = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Ada', lifecycleStage: 'customer' });
    const bob = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Bob', referredById: ada.id });
    const ticket = await t.ok('POST', '/api/v1/objects/cases', { subject: 'Late', personId: ada.id, assigneeId: agent, supportMinutes: 30, openedAt: '2026-05-03T10:00:00.000Z' });
    await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: ada.id, kind: 'csat', score: 5, respondedAt: '2026-05-04T10:00:00.000Z', caseId: ticket.id });
    await answer(ada.id, 10);
    await answer(bob.id, 4);
    for (const [personId, price] of [[ada.id, 5_000], [ada.id, 7_000], [bob.id, 3_000]] as const) expect((await order(t.call, personId, price)).statusCode).toBe(201);
    await drain();
  });
  afterAll(() => t.close());

  it('answers a second whole-workspace read from its snapshot, equal to the live answer', async () => {
    for (const report of REPORTS) {
      const first = await t.ok('GET', `/api/v1/analytics/${report}`);
      expect(first, report).toMatchObject({ isSnapshot: false, computedAt: new Date(clock).toISOString() });
      const second = await t.ok('GET', `/api/v1/analytics/${report}`);
      expect(second, report).toMatchObject({ isSnapshot: true, computedAt: first.computedAt });
      expect(figures(second), report).toEqual(figures(first));
      const live = await t.ok('GET', `/api/v1/analytics/${report}?fresh=true`);
      expect(live.isSnapshot, report).toBe(false);
      expect(figures(live), report).toEqual(figures(first));
    }
    // One period written two ways is one snapshot; another period or support cost is another.
    expect((await t.ok('GET', '/api/v1/analytics/retention?to=2026-06-01T00:00:00Z')).isSnapshot).toBe(false);
    expect((await t.ok('GET', '/api/v1/analytics/retention?to=2026-06-01T00:00:00.000Z')).isSnapshot).toBe(true);
    const cheap = await t.ok('GET', '/api/v1/analytics/profitability?supportHourlyCost=0');
    expect(cheap).toMatchObject({ isSnapshot: false, supportHourlyCost: 0 });
    // A segment is always computed for the caller.
    expect((await t.ok('GET', `/api/v1/analytics/satisfaction?filter=${encodeURIComponent('firstName = "Ada"')}`)).isSnapshot).toBe(false);
    expect((await t.ok('GET', `/api/v1/analytics/satisfaction?filter=${encodeURIComponent('firstName = "Ada"')}`)).isSnapshot).toBe(false);
  });

  it('shows a later change only after fresh=true or after the refresh job ran', async () => {
    const before = await t.ok('GET', '/api/v1/analytics/satisfaction?fresh=true');
    await answer(ada.id, 9);
    const stale = await t.ok('GET', '/api/v1/analytics/satisfaction');
    expect(stale).toMatchObject({ isSnapshot: true, nps: { answers: before.nps.answers } });
    const fresh = await t.ok('GET', '/api/v1/analytics/satisfaction?fresh=true');
    expect(fresh).toMatchObject({ isSnapshot: false, nps: { answers: before.nps.answers + 1 } });
    expect((await t.ok('GET', '/api/v1/analytics/satisfaction')).nps.answers).toBe(before.nps.answers + 1);

    // Within the freshness age nothing is refreshed; past it the read is still immediate and queues one refresh.
    await answer(ada.id, 8);
    await drain();
    expect((await t.ok('GET', '/api/v1/analytics/satisfaction')).nps.answers).toBe(before.nps.answers + 1);
    clock += 6 * MINUTE;
    for (let i = 0; i < 3; i++) expect((await t.ok('GET', '/api/v1/analytics/satisfaction')).nps.answers).toBe(before.nps.answers + 1);
    const queued = await t.database.database.system.selectFrom('jobs').select('key')
      .where('workspace_id', '=', t.workspaceId).where('kind', '=', 'analytics.refreshReport').where('status', '=', 'pending').execute();
    expect(queued.map((job) => job.key)).toEqual(['satisfaction?']);
    await drain();
    const refreshed = await t.ok('GET', '/api/v1/analytics/satisfaction');
    expect(refreshed).toMatchObject({ isSnapshot: true, computedAt: new Date(clock).toISOString(), nps: { answers: before.nps.answers + 2 } });

    // A snapshot past the maximum age is not answered at all.
    await answer(ada.id, 7);
    clock += 25 * 60 * MINUTE;
    expect(await t.ok('GET', '/api/v1/analytics/satisfaction')).toMatchObject({ isSnapshot: false, nps: { answers: before.nps.answers + 3 } });
  });

  it('never answers a role that sees fewer records or no costs from the snapshot', async () => {
    const whole = await t.ok('GET', '/api/v1/analytics/satisfaction?fresh=true');
    expect(whole.byAgent.map((row: { agentId: string }) => row.agentId)).toEqual([agent]);
    // The marketer sees only their own cases (none) and no order costs.
    const marketer = await member(t, 'marketer');
    const theirs = await marketer.call('GET', '/api/v1/analytics/satisfaction');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ isSnapshot: false, byAgent: [], nps: { answers: whole.nps.answers } });
    await t.ok('GET', '/api/v1/analytics/profitability');
    const refused = await marketer.call('GET', '/api/v1/analytics/profitability');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // Their restricted answer was not stored for others.
    expect(await t.ok('GET', '/api/v1/analytics/satisfaction')).toMatchObject({ isSnapshot: true, byAgent: whole.byAgent });
    // A sales rep sees their team's people only: loyalty (referrals read people) is theirs, retention (orders, all) is the snapshot.
    const rep = await member(t, 'salesRep');
    await t.ok('GET', '/api/v1/analytics/loyalty');
    expect((await rep.call('GET', '/api/v1/analytics/loyalty')).json().isSnapshot).toBe(false);
    await t.ok('GET', '/api/v1/analytics/retention');
    expect((await rep.call('GET', '/api/v1/analytics/retention')).json().isSnapshot).toBe(true);
    const reader = await member(t, 'readOnly');
    expect((await reader.call('GET', '/api/v1/analytics/profitability')).json().isSnapshot).toBe(true);
  });

  it("never serves another workspace's snapshot", async () => {
    await t.ok('GET', '/api/v1/analytics/loyalty');
    expect((await t.ok('GET', '/api/v1/analytics/loyalty')).isSnapshot).toBe(true);
    const other = await t.otherWorkspace();
    const theirs = (await other.call('GET', '/api/v1/analytics/loyalty')).json();
    expect(theirs).toMatchObject({ isSnapshot: false, customers: 0 });
    const person = (await other.call('POST', '/api/v1/objects/people', { firstName: 'Zed' })).json();
    expect((await order(other.call, person.id, 1_000)).statusCode).toBe(201);
    expect((await other.call('GET', '/api/v1/analytics/loyalty?fresh=true')).json()).toMatchObject({ isSnapshot: false, customers: 1 });
    expect((await t.ok('GET', '/api/v1/analytics/loyalty')).customers).toBe(2);
  });

  it('stores the four dashboard reports after a full recompute', async () => {
    const other = await t.otherWorkspace();
    const person = (await other.call('POST', '/api/v1/objects/people', { firstName: 'Yan' })).json();
    expect((await order(other.call, person.id, 2_000)).statusCode).toBe(201);
    expect((await other.call('POST', '/api/v1/analytics/recompute')).statusCode).toBe(202);
    await drain(other.workspaceId);
    for (const report of REPORTS) {
      const first = (await other.call('GET', `/api/v1/analytics/${report}`)).json();
      expect(first.isSnapshot, report).toBe(true);
      expect(figures(first), report).toEqual(figures((await other.call('GET', `/api/v1/analytics/${report}?fresh=true`)).json()));
    }
  });

  it('answers a report that computes quickly live, whatever is stored', async () => {
    const workspace = await t.services.workspaces.byId(t.workspaceId);
    const ctx = await t.services.workspaces.contextFor(workspace!, 'system');
    const quickOnes = new ReportSnapshots(t.services.analytics, { minComputeMs: 60_000 }, () => new Date(clock));
    await quickOnes.answer(ctx, 'retention', {});
    expect((await quickOnes.answer(ctx, 'retention', {})).isSnapshot).toBe(false);
  });

  it('refuses a bad fresh value with a problem naming the field', async () => {
    for (const report of REPORTS) {
      const response = await t.call('GET', `/api/v1/analytics/${report}?fresh=maybe`);
      expect(response.statusCode, report).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), report).toContain('fresh');
    }
  });
});
