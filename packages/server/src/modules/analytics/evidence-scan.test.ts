import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import type { RequestContext } from '../../engine/context.js';
import { generateDemo } from '../demo/index.js';
import { campaignSizes, loadEvidence } from './evidence.js';
import { scanEvidence } from './evidence-scan.js';
import { scoreTask, type ScoringModels } from './households.js';
import { MetricsWorkers, type GroupResult } from './metrics-workers.js';

const NOW = new Date('2026-06-30T00:00:00Z');

describe.each(DIALECTS)('evidence read table by table on %s', (dialect) => {
  let t: TestApp;
  let ctx: RequestContext;
  let ids: string[];
  const named: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => NOW });
    ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    await generateDemo(t.services, ctx, { size: 300, seed: 11, now: NOW });
    // Cases the demo does not make: a person listed twice on one interaction, a trashed order
    // and person, a deal whose amount was lowered, notes and comments never scored.
    const [ada, bob, gone] = await Promise.all(['Ada', 'Bob', 'Gone'].map((firstName) => t.ok('POST', '/api/v1/objects/people', { firstName })));
    Object.assign(named, { ada: ada.id, bob: bob.id, gone: gone.id });
    await t.ok('POST', '/api/v1/objects/interactions', {
      channel: 'meeting', direction: 'outbound', occurredAt: '2026-06-01T10:00:00.000Z', durationSeconds: 3600, outcome: 'completed', subject: 'Twice',
      participants: [{ personId: ada.id, role: 'to' }, { personId: ada.id, role: 'cc' }, { personId: bob.id, role: 'to' }, { personId: gone.id, role: 'cc' }],
    });
    const order = await t.ok('POST', '/api/v1/objects/orders', { number: 'S-1', personId: ada.id, orderedAt: '2026-06-02T10:00:00.000Z', currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 900, unitCost: 400 }] });
    await t.ok('POST', '/api/v1/objects/orders', { number: 'S-2', personId: ada.id, orderedAt: '2026-06-02T10:00:00.000Z', currency: 'EUR', lines: [{ description: 'y', quantity: 2, unitPrice: 500, unitCost: 100 }] });
    await t.call('DELETE', `/api/v1/objects/orders/${order.id}`);
    await t.call('DELETE', `/api/v1/objects/people/${gone.id}`);
    const stage = (await t.ok('GET', `/api/v1/objects/stages?filter=${encodeURIComponent('name = "Proposal"')}`)).data[0];
    const deal = await t.ok('POST', '/api/v1/objects/deals', { name: 'Haggled', personId: bob.id, amount: 10_000, currency: 'EUR', stageId: stage.id });
    await t.ok('PATCH', `/api/v1/objects/deals/${deal.id}`, { amount: 8_000 });
    await t.ok('POST', '/api/v1/objects/notes', { personId: bob.id, body: 'A wonderful, helpful call' });
    await ctx.db.updateTable('notes').set({ sentiment: null }).execute();
    await ctx.db.updateTable('survey_responses').set({ comment_sentiment: null }).execute();
    ids = (await ctx.db.selectFrom('people').select('id').orderBy('id').execute()).map((row) => row.id as string);
  }, 120_000);
  afterAll(() => t.close());

  it('gives every person the evidence their person-index reads give, in the same order, and scores unscored texts once', async () => {
    const sizes = await campaignSizes(ctx);
    const scan = await scanEvidence(ctx, { campaignSizes: sizes });
    const loaded = await loadEvidence(ctx, ids, { campaignSizes: sizes });
    const scanned = scan.chunk(ids);

    expect(scanned.people.size).toBe(loaded.people.size);
    expect(scanned.people.size).toBeGreaterThan(300);
    expect([...scanned.people.keys()]).toEqual([...loaded.people.keys()]);
    for (const [id, evidence] of loaded.people) expect(scanned.people.get(id), id).toEqual(evidence);

    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(scan.scored.notes.length).toBeGreaterThan(0);
    expect(scan.scored.comments.length).toBeGreaterThan(0);
    expect([...scan.scored.notes].sort(byId)).toEqual([...loaded.scored.notes].sort(byId));
    expect([...scan.scored.comments].sort(byId)).toEqual([...loaded.scored.comments].sort(byId));

    // What the demo guarantees the comparison covered.
    const all = [...scanned.people.values()];
    expect(all.filter((e) => e.orders.length > 1).length).toBeGreaterThan(20);
    expect(all.filter((e) => e.touches.length > 1).length).toBeGreaterThan(20);
    expect(all.some((e) => e.campaignCost > 0 && e.campaigns.sent > 0)).toBe(true);
    expect(all.some((e) => e.supportMinutes > 0)).toBe(true);
    expect(all.some((e) => e.answers.length > 0 && e.sentiments.length > 0)).toBe(true);
    const [ada, bob] = [scanned.people.get(named.ada)!, scanned.people.get(named.bob)!];
    expect(ada.touches).toEqual([expect.objectContaining({ participants: 4, durationSeconds: 3600 })]);
    expect(ada.orders).toHaveLength(1);
    expect(bob.deals).toEqual([expect.objectContaining({ negotiated: true })]);
    expect(bob.sentiments).toHaveLength(1);
    expect(scanned.people.has(named.gone)).toBe(false);
    expect(scan.people.map((p) => p.id)).toEqual(ids.filter((id) => scanned.people.has(id)));
  });

  it('refits from the scan exactly as from the database, in this thread or another: RFM cut points, campaign sizes, BG/NBD and Gamma-Gamma', async () => {
    const strip = (models: { kind: string; params: unknown; logLikelihood: number | null; customers: number; details: unknown }[]) => models.map(({ kind, params, logLikelihood, customers, details }) => ({ kind, params, logLikelihood, customers, details }));
    const fromDatabase = strip(await t.services.metrics.refit(ctx));
    const fromScan = strip(await t.services.metrics.refit(ctx, await scanEvidence(ctx)));
    expect(fromDatabase.map((m) => m.kind)).toEqual(['campaigns', 'churn', 'rfm.companies', 'rfm.people']);
    expect(fromDatabase.find((m) => m.kind === 'churn')!.customers).toBeGreaterThan(50);
    expect(fromScan).toEqual(fromDatabase);
    // A full recompute fits while it reads, in a worker thread when it scores in workers: the same models.
    // With the dashboard's reports stored alongside, while the worker scores.
    await ctx.db.deleteFrom('analytics_snapshots').execute();
    await t.services.metrics.recomputeAll(ctx, { refit: true, threads: 1, alongside: () => t.services.snapshots.fill(ctx) });
    expect(strip(await t.services.metrics.models(ctx))).toEqual(fromDatabase);
    expect((await ctx.db.selectFrom('analytics_snapshots').select('report').orderBy('report').execute()).map((row) => row.report)).toEqual(['loyalty', 'profitability', 'retention', 'satisfaction']);
    await t.services.metrics.recomputeAll(ctx, { refit: true, threads: 0 });
    expect(strip(await t.services.metrics.models(ctx))).toEqual(fromDatabase);
  });

  it('scores groups in a worker thread and in this one alike, each group once', async () => {
    const scan = await scanEvidence(ctx);
    const models: ScoringModels = { rfm: null, companyRfm: null, churn: null, campaignSizes: null, supportHourlyCost: 4000 };
    const tasks = [];
    for (let start = 0; start < scan.people.length; start += 5) {
      tasks.push({ people: scan.people.slice(start, start + 5).map((_, k) => start + k), companies: [], writePeople: true });
    }
    const results: GroupResult[] = [];
    let here = 0;
    const workers = new MetricsWorkers(scan.columns, models, NOW.getTime(), 1);
    try {
      await workers.scoreAll(tasks, async (result) => { results.push(result); }, {
        free: () => true,
        score: (task) => {
          here += 1;
          return scoreTask(scan.columns, models, NOW.getTime(), new Map(), task);
        },
      });
    } finally {
      await workers.close();
    }
    // The worker is sent the first groups; this thread takes groups while no answer is ready.
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(tasks.length);
    expect(results).toHaveLength(tasks.length);
    const rows = (list: GroupResult[]) => list.flatMap((result) => result.people).sort((a, b) => (a.id < b.id ? -1 : 1));
    const inThread = tasks.map((task, id) => scoreTask(scan.columns, models, NOW.getTime(), new Map(), { ...task, id }));
    expect(rows(results)).toEqual(rows(inThread));
    expect(rows(results).map((row) => row.id)).toEqual(scan.people.map((person) => person.id));
  });

  it('reads nothing for a person of no record but the person', async () => {
    const loner = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Loner' });
    const scan = await scanEvidence(ctx);
    expect(scan.chunk([loner.id, 'no-such-person']).people.get(loner.id)).toEqual((await loadEvidence(ctx, [loner.id])).people.get(loner.id));
    expect(scan.chunk(['no-such-person']).people.size).toBe(0);
  });
});
