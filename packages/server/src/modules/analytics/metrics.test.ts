import { bgNbdLogLikelihood, conditionalExpectedPurchases, expectedAverageValue, pAlive } from '@rapport/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member } from '../../../test/support/people.js';
import { enqueue, JobWorker } from '../../engine/jobs.js';
import { ValidationFailed } from '../../errors.js';
import { weeklySummary } from './prediction.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const METRICS = ['relationshipStrength', 'csat', 'npsCategory', 'rfmScore', 'rfmSegment', 'clv', 'predictedPurchases', 'predictedClv', 'pAlive', 'churnRisk', 'customerType', 'metricsAt'];

describe.each(DIALECTS)('computed customer metrics on %s', (dialect) => {
  let t: TestApp;
  let clock = NOW;
  let company: { id: string };
  let ada: { id: string };
  let bob: { id: string };
  let n = 0;
  const drain = () => t.services.jobs.drain(t.workspaceId);
  const order = (personId: string, orderedAt: string, unitPrice: number, extra: Record<string, unknown> = {}) => t.ok('POST', '/api/v1/objects/orders', {
    number: `M-${++n}`, personId, orderedAt, currency: 'EUR', lines: [{ description: 'Item', quantity: 1, unitPrice, unitCost: Math.round(unitPrice / 2), ...extra }],
  });
  const call = (personId: string, occurredAt: string, direction: 'inbound' | 'outbound', durationSeconds = 1800) => t.ok('POST', '/api/v1/objects/interactions', {
    channel: 'call', direction, initiatedBy: direction === 'inbound' ? 'customer' : 'us', occurredAt, durationSeconds, outcome: 'completed',
    subject: 'Call', participants: [{ personId, role: direction === 'inbound' ? 'from' : 'to' }],
  });

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => clock });
    company = await t.ok('POST', '/api/v1/objects/companies', { name: 'Metrics Ltd' });
    ada = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Ada', companyId: company.id });
    bob = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Bob', companyId: company.id });
  });
  afterAll(() => t.close());

  it('keeps a customer\'s metrics current after each change, and explains them', async () => {
    await order(ada.id, '2026-01-05T10:00:00.000Z', 100_00);
    await order(ada.id, '2026-02-04T10:00:00.000Z', 120_00);
    await order(ada.id, '2026-03-06T10:00:00.000Z', 80_00);
    await call(ada.id, '2026-05-20T09:00:00.000Z', 'inbound');
    await call(ada.id, '2026-04-20T09:00:00.000Z', 'outbound');
    await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: ada.id, kind: 'nps', score: 10, respondedAt: '2026-05-21T10:00:00.000Z', comment: 'Great service, thank you!' });
    await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: ada.id, kind: 'csat', score: 5, respondedAt: '2026-05-22T10:00:00.000Z' });
    expect((await t.ok('GET', `/api/v1/objects/people/${ada.id}`)).relationshipStrength).toBeNull();
    expect(await drain()).toBeGreaterThan(0);

    const person = await t.ok('GET', `/api/v1/objects/people/${ada.id}`);
    expect(person).toMatchObject({ npsCategory: 'promoter', csat: 100, metricsAt: NOW.toISOString() });
    // Revenue 300.00 − cost of goods 150.00; no support time or campaigns.
    expect(person.clv).toBe(150_00);
    expect(person.relationshipStrength).toBeGreaterThan(0);
    expect(person.relationshipStrength).toBeLessThanOrEqual(100);

    const explained = await t.ok('GET', `/api/v1/analytics/people/${ada.id}/metrics`);
    expect(explained.relationshipStrength).toBe(person.relationshipStrength);
    expect(explained.detail.strength.components.map((c: { name: string }) => c.name)).toEqual(['time', 'frequency', 'reciprocity', 'intensity']);
    for (const component of explained.detail.strength.components) {
      expect(component).toMatchObject({ value: expect.any(Number), weight: expect.any(Number), contribution: expect.any(Number), reason: expect.any(String) });
    }
    const total = explained.detail.strength.components.reduce((sum: number, c: { contribution: number }) => sum + c.contribution, 0);
    expect(Math.abs(total - person.relationshipStrength)).toBeLessThan(0.3);
    // Purchases on 5 Jan, 4 Feb, 6 Mar: every 30 days; the last 87 days before 1 June.
    expect(explained.detail.churn.reasons).toEqual(['no purchase for 87 days; usually every 30']);
    expect(explained.detail.profit).toMatchObject({ orders: 3, revenue: 300_00, costOfGoods: 150_00, costToServe: 0 });

    // The company pools its people: Bob has no interaction, so Ada's tie is the company's.
    const pooled = await t.ok('GET', `/api/v1/objects/companies/${company.id}`);
    expect(pooled).toMatchObject({ relationshipStrength: person.relationshipStrength, clv: 150_00, npsCategory: 'promoter' });

    // Support time is a cost to serve: an hour at the default 40.00 lowers the lifetime value.
    await t.ok('POST', '/api/v1/objects/cases', { subject: 'Broken', personId: ada.id, supportMinutes: 60 });
    await drain();
    expect((await t.ok('GET', `/api/v1/objects/people/${ada.id}`)).clv).toBe(110_00);
  });

  it('filters and sorts on a metric like on any field, and refuses writes to it', async () => {
    await call(bob.id, '2026-05-30T09:00:00.000Z', 'inbound', 60);
    await drain();
    const strong = await t.ok('GET', `/api/v1/objects/people?filter=${encodeURIComponent('relationshipStrength > 0')}&sort=-relationshipStrength&fields=firstName,relationshipStrength`);
    expect(strong.data.map((p: { firstName: string }) => p.firstName)).toEqual(['Ada', 'Bob']);
    const promoters = await t.ok('GET', `/api/v1/objects/people?filter=${encodeURIComponent('npsCategory = "promoter"')}`);
    expect(promoters.data.map((p: { id: string }) => p.id)).toEqual([ada.id]);
    const refused = await t.call('PATCH', `/api/v1/objects/people/${bob.id}`, { relationshipStrength: 99 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'relationshipStrength' });
  });

  it('hides lifetime value from roles that do not see costs, and answers bad input with a problem', async () => {
    const marketer = await member(t, 'marketer');
    const seen = (await marketer.call('GET', `/api/v1/analytics/people/${ada.id}/metrics`)).json();
    expect(seen).not.toHaveProperty('clv');
    expect(seen.detail.profit).toBeNull();
    expect(seen.relationshipStrength).toBeGreaterThan(0);
    expect((await marketer.call('GET', `/api/v1/objects/people/${ada.id}`)).json()).not.toHaveProperty('clv');

    const malformed = await t.call('GET', '/api/v1/analytics/people/not-an-id/metrics');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const unknown = await t.call('GET', '/api/v1/analytics/companies/0190a0a0-0000-7000-8000-000000000000/metrics');
    expect(unknown.statusCode).toBe(404);
    const other = await t.otherWorkspace();
    expect((await other.call('GET', `/api/v1/analytics/people/${ada.id}/metrics`)).statusCode).toBe(404);
  });

  it('refits on demand in the background and shows the fitted models', async () => {
    const queued = await t.call('POST', '/api/v1/analytics/recompute');
    expect(queued.statusCode).toBe(202);
    await drain();
    const { models } = await t.ok('GET', '/api/v1/analytics/models');
    const rfm = models.find((m: { kind: string }) => m.kind === 'rfm.people');
    expect(rfm).toMatchObject({ customers: 1, fittedAt: NOW.toISOString() });
    expect(rfm.params.frequency).toHaveLength(4);
    expect((await t.ok('GET', `/api/v1/objects/people/${ada.id}`)).rfmScore).toMatch(/^[1-5]{3}$/);
  });

  it('fits BG/NBD and Gamma-Gamma to the buyers, shows the fit, and predicts each customer from it', async () => {
    const shop = await t.otherWorkspace();
    const ctx = await t.services.workspaces.contextForSlug(shop.slug, 'system');
    const batch = async (object: string, records: unknown[]) => {
      const response = await shop.call('POST', `/api/v1/objects/${object}/batch`, { operation: 'create', records });
      if (response.statusCode !== 200 && response.statusCode !== 201) throw new Error(`${object}: ${response.statusCode} ${response.body}`);
      return response.json().data as { id: string }[];
    };
    // 40 buyers: every third buys once; the others every 2 to 6 weeks, some of them stopping early.
    const people = await batch('people', Array.from({ length: 40 }, (_, i) => ({ firstName: `Buyer ${i}` })));
    const orders = [];
    const start = Date.parse('2025-06-01T10:00:00.000Z');
    for (const [i, person] of people.entries()) {
      const gapDays = 14 + (i % 5) * 7;
      const purchases = i % 3 === 0 ? 1 : 2 + (i % 7);
      for (let k = 0; k < purchases; k++) {
        orders.push({ number: `F-${i}-${k}`, personId: person.id, orderedAt: new Date(start + (i * 3 + k * gapDays) * 86_400_000).toISOString(), currency: 'EUR',
          lines: [{ description: 'Item', quantity: 1, unitPrice: 2000 + ((i * 7 + k * 13) % 10) * 500, unitCost: 1000 }] });
      }
    }
    await batch('orders', orders);
    await t.services.jobs.drain(shop.workspaceId);
    await t.services.metrics.recomputeAll(ctx, { refit: true });

    const { models } = (await shop.call('GET', '/api/v1/analytics/models')).json();
    const churn = models.find((m: { kind: string }) => m.kind === 'churn');
    expect(churn).toMatchObject({ customers: 40, fittedAt: NOW.toISOString(), details: { buyers: 40, repeatBuyers: 26, sampled: false } });
    const { bgNbd, gammaGamma, horizonWeeks } = churn.params;
    expect(horizonWeeks).toBe(52);
    for (const value of [bgNbd.r, bgNbd.alpha, bgNbd.a, bgNbd.b, gammaGamma.p, gammaGamma.q, gammaGamma.v]) expect(value).toBeGreaterThan(0);
    expect(churn.details.gammaGamma.customers).toBe(26);

    // The stored log-likelihood is the model's at the stored parameters over the buyers' summaries.
    const summaries = [];
    for (const person of people) {
      const list = (await shop.call('GET', `/api/v1/objects/orders?filter=${encodeURIComponent(`personId = "${person.id}"`)}&fields=orderedAt,total&limit=100`)).json().data;
      summaries.push(weeklySummary(list.map((o: { orderedAt: string; total: number }) => ({ at: o.orderedAt, value: o.total })), NOW.getTime())!);
    }
    expect(churn.logLikelihood).toBeCloseTo(bgNbdLogLikelihood(bgNbd, summaries), 6);

    // Each buyer's stored prediction follows from the model and their own history.
    const stored = (await shop.call('GET', `/api/v1/objects/people?limit=100&sort=id&fields=id,pAlive,churnRisk,predictedPurchases,predictedClv`)).json().data;
    for (const row of stored) {
      const summary = summaries[people.findIndex((p) => p.id === row.id)];
      expect(row.pAlive).toBeCloseTo(pAlive(bgNbd, summary), 4);
      expect(row.churnRisk).toBeCloseTo(1 - row.pAlive, 4);
      expect(row.predictedPurchases).toBeCloseTo(conditionalExpectedPurchases(bgNbd, summary, 52), 3);
      const perPurchase = expectedAverageValue(gammaGamma, { x: summary.x, mean: summary.meanValue });
      expect(Math.abs(row.predictedClv - conditionalExpectedPurchases(bgNbd, summary, 52) * perPurchase)).toBeLessThanOrEqual(1);
    }
    // A frequent buyer who went quiet long ago is the likeliest to have left, and is told why.
    const risky = stored.reduce((worst: { churnRisk: number }, row: { churnRisk: number }) => (row.churnRisk > worst.churnRisk ? row : worst));
    expect(risky.churnRisk).toBeGreaterThan(0.5);
    const explained = (await shop.call('GET', `/api/v1/analytics/people/${risky.id}/metrics`)).json();
    expect(explained.detail.churn.reasons[0]).toMatch(/^no purchase for \d+ days; usually every \d+$/);
    expect(explained.detail.churn.reasons[1]).toMatch(/^\d+ % likely still buying: \d+ purchase days in \d+ weeks, then \d+ weeks without one$/);
  });

  it('keeps no churn model when too few customers have bought', async () => {
    const empty = await t.otherWorkspace();
    const ctx = await t.services.workspaces.contextForSlug(empty.slug, 'system');
    await t.services.metrics.refit(ctx);
    const { models } = (await empty.call('GET', '/api/v1/analytics/models')).json();
    expect(models.map((m: { kind: string }) => m.kind)).not.toContain('churn');
  });

  it('equals a full recompute after any sequence of incremental changes', async () => {
    const other = await t.otherWorkspace();
    const ctx = await t.services.workspaces.contextForSlug(other.slug, 'system');
    const post = async (object: string, body: unknown) => {
      const response = await other.call('POST', `/api/v1/objects/${object}`, body);
      if (response.statusCode !== 201) throw new Error(`${object}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const companies = [await post('companies', { name: 'A' }), await post('companies', { name: 'B' })];
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await post('people', { firstName: `P${i}`, companyId: companies[i % 2].id }));
    // A first full pass fits the RFM cut points; later changes are then applied one customer at a time.
    await post('orders', { number: 'I-0', personId: people[0].id, orderedAt: '2026-01-01T10:00:00.000Z', currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 5000 }] });
    await t.services.metrics.recomputeAll(ctx, { refit: true });

    const day = fc.integer({ min: 0, max: 150 }).map((d) => new Date(Date.parse('2026-01-01T10:00:00.000Z') + d * 86_400_000).toISOString());
    const who = fc.integer({ min: 0, max: 5 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('order' as const), who, at: day, price: fc.integer({ min: 100, max: 50_000 }), discount: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('touch' as const), who, at: day, inbound: fc.boolean(), channel: fc.constantFrom('call', 'email', 'meeting'), outcome: fc.constantFrom('completed', 'replied', 'noReply') }),
      fc.record({ kind: fc.constant('answer' as const), who, at: day, nps: fc.boolean(), score: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('case' as const), who, minutes: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('note' as const), who, text: fc.constantFrom('Very happy with the new laptops', 'Angry about the late delivery', 'Asked for a quote') }),
      fc.record({ kind: fc.constant('move' as const), who, to: fc.integer({ min: 0, max: 1 }) }),
    );
    const steps = fc.sample(fc.array(step, { minLength: 30, maxLength: 30 }), { seed: 42, numRuns: 1 })[0];
    let k = 0;
    for (const [i, s] of steps.entries()) {
      const personId = people[s.who].id;
      if (s.kind === 'order') await post('orders', { number: `I-${++k}`, personId, orderedAt: s.at, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: s.price, unitCost: Math.round(s.price / 3), discount: Math.round((s.price * s.discount) / 100) }] });
      if (s.kind === 'touch') await post('interactions', { channel: s.channel, direction: s.inbound ? 'inbound' : 'outbound', occurredAt: s.at, durationSeconds: s.channel === 'email' ? null : 900, outcome: s.outcome, participants: [{ personId, role: 'to' }] });
      if (s.kind === 'answer') await post('surveyResponses', { personId, kind: s.nps ? 'nps' : 'csat', score: s.nps ? s.score * 2 : s.score, respondedAt: s.at });
      if (s.kind === 'case') await post('cases', { subject: 'Help', personId, supportMinutes: s.minutes });
      if (s.kind === 'note') await post('notes', { personId, body: s.text });
      if (s.kind === 'move') expect((await other.call('PATCH', `/api/v1/objects/people/${personId}`, { companyId: companies[s.to].id })).statusCode).toBe(200);
      if (i % 7 === 6) await t.services.jobs.drain(other.workspaceId);
    }
    await t.services.jobs.drain(other.workspaceId);

    const snapshot = async () => {
      const rows = [];
      for (const table of ['people', 'companies'] as const) {
        const list = (await other.call('GET', `/api/v1/objects/${table}?limit=100&sort=id&fields=${METRICS.join(',')}`)).json().data;
        for (const row of list) rows.push({ ...row, detail: (await t.services.metrics.detail(ctx, table, row.id))?.detail });
      }
      return rows;
    };
    const incremental = await snapshot();
    expect(incremental.filter((row) => row.relationshipStrength !== null).length).toBeGreaterThan(2);
    // In this thread, then with the scoring in a worker thread (as a large workspace's pass runs).
    await t.services.metrics.recomputeAll(ctx, { refit: false, threads: 0 });
    expect(await snapshot()).toEqual(incremental);
    await t.services.metrics.recomputeAll(ctx, { refit: false, threads: 1 });
    expect(await snapshot()).toEqual(incremental);
  });

  it('explains the stored figures as of when they were stored, however much later they are read', async () => {
    const stored = await t.ok('GET', `/api/v1/analytics/people/${ada.id}/metrics`);
    const storedCompany = await t.ok('GET', `/api/v1/analytics/companies/${company.id}/metrics`);
    expect(stored.metricsAt).toBe(NOW.toISOString());
    clock = new Date(NOW.getTime() + 90 * 86_400_000);
    try {
      // Read 90 days on, with no change in between: the same figures, the same reasons.
      expect(await t.ok('GET', `/api/v1/analytics/people/${ada.id}/metrics`)).toEqual(stored);
      expect(await t.ok('GET', `/api/v1/analytics/companies/${company.id}/metrics`)).toEqual(storedCompany);
      // The company's reasons name its people's stored strengths.
      expect(storedCompany.detail.strength.reasons[0]).toContain(String(stored.relationshipStrength));

      // A change stores new figures at the new instant, and the reasons follow them.
      await order(ada.id, '2026-08-20T10:00:00.000Z', 50_00);
      await drain();
      const updated = await t.ok('GET', `/api/v1/analytics/people/${ada.id}/metrics`);
      expect(updated.metricsAt).toBe(clock.toISOString());
      expect(updated.detail.profit).toMatchObject({ orders: stored.detail.profit.orders + 1, revenue: stored.detail.profit.revenue + 50_00 });
      expect(updated.detail.churn.daysSinceLast).toBe(Math.round((clock.getTime() - Date.parse('2026-08-20T10:00:00.000Z')) / 86_400_000));
      expect(updated.detail.churn.pAlive ?? null).toBe(updated.pAlive);
    } finally {
      clock = NOW;
    }
  });
});

describe.each(DIALECTS)('the job queue on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('updates a customer after a change on its own when the worker runs (its latency is in the benchmark)', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Quick' });
    t.services.jobs.start();
    try {
      const started = Date.now();
      await t.ok('POST', '/api/v1/objects/orders', { number: 'Q-1', personId: person.id, orderedAt: '2026-01-01T00:00:00.000Z', currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 900, unitCost: 400 }] });
      let clv: number | null = null;
      while (clv === null && Date.now() - started < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        clv = (await t.ok('GET', `/api/v1/objects/people/${person.id}?fields=clv`)).clv;
      }
      expect(clv).toBe(500);
    } finally {
      await t.services.jobs.stop();
    }
  });

  it('retries a failing job with backoff, keeps its error, and fails it after the last attempt', async () => {
    const worker = new JobWorker(t.database.database, { maxAttempts: 2 });
    let calls = 0;
    worker.register('test.flaky', async () => {
      calls += 1;
      throw new Error('downstream is down');
    });
    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    await enqueue(ctx, { kind: 'test.flaky', key: 'k' });
    await enqueue(ctx, { kind: 'test.flaky', key: 'k' });
    expect(await worker.runDue(t.workspaceId)).toBe(1);
    const waiting = await ctx.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.flaky').execute();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ status: 'pending', last_error: 'downstream is down' });
    expect(Number(waiting[0].attempts)).toBe(1);
    expect(Date.parse(waiting[0].run_at)).toBeGreaterThan(Date.now());
    // Not due yet: nothing runs until the backoff has passed.
    expect(await worker.runDue(t.workspaceId)).toBe(0);
    await ctx.db.updateTable('jobs').set({ run_at: new Date(0).toISOString() }).where('kind', '=', 'test.flaky').execute();
    expect(await worker.runDue(t.workspaceId)).toBe(1);
    const failed = await ctx.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.flaky').executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(calls).toBe(2);
  });

  it('claims a job again when the worker that held it died', async () => {
    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    const crashed = new JobWorker(t.database.database, { leaseMs: 1 });
    const seen: string[] = [];
    crashed.register('test.lease', () => new Promise(() => {})); // never finishes: the process "dies" holding it
    await enqueue(ctx, { kind: 'test.lease', key: 'x' });
    void crashed.runDue(t.workspaceId);
    // Until the first worker has claimed it (and its 1 ms lease has run out).
    await expect.poll(async () => (await ctx.db.selectFrom('jobs').select('status').where('kind', '=', 'test.lease').executeTakeFirst())?.status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const survivor = new JobWorker(t.database.database);
    survivor.register('test.lease', async (job) => {
      seen.push(`${job.key}:${job.attempts}`);
    });
    expect(await survivor.drain(t.workspaceId)).toBe(1);
    expect(seen).toEqual(['x:2']);
  });

  it('writes no job when the change that enqueued it rolls back', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Rolled' });
    const before = await t.services.database.forWorkspace(t.workspaceId).selectFrom('jobs').select('id').execute();
    // A hook after the analytics one refuses the order: the order, and the job enqueued for it, roll back.
    t.services.engine.hooks.register('orders', {
      afterCreate({ record }) {
        if (record.number === 'RB-1') throw new ValidationFailed([{ field: 'number', message: 'refused after the job was written' }]);
      },
    });
    const refused = await t.call('POST', '/api/v1/objects/orders', { number: 'RB-1', personId: person.id, orderedAt: '2026-01-01T00:00:00.000Z', currency: 'EUR', lines: [{ description: 'ok', quantity: 1, unitPrice: 1 }] });
    expect(refused.statusCode).toBe(400);
    expect((await t.ok('GET', `/api/v1/objects/orders?filter=${encodeURIComponent('number = "RB-1"')}`)).data).toEqual([]);
    const after = await t.services.database.forWorkspace(t.workspaceId).selectFrom('jobs').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
