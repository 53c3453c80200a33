// Computed metrics on the record side (SPEC §7, issue "computed fields"): MetricsStore writes
// each customer's metrics into the metric columns of people and companies, keeps the
// workspace's fitted models (RFM cut points, BG/NBD and Gamma-Gamma) in `analytics_models`, and
// recomputes one customer (after a change, through the job queue) or all of them (the
// `rapport analytics recompute` command, the nightly refresh).
//
// Population-relative parts — RFM cut points and model parameters — change only when the
// models are refitted (on demand or on the schedule); between refits a customer's metrics depend
// only on their own records and the instant, so updating one customer after each change gives
// exactly what a full recompute at that instant gives.
import { rfmBreakpoints, type RfmBreakpoints } from '@rapport/core';
import type { RequestContext } from '../../engine/context.js';
import type { StorageKind } from '../../db/dialects/dialect.js';
import { updateRows, type ColumnKinds, type RowValues } from '../../db/update-rows.js';
import { campaignSizes, loadEvidence } from './evidence.js';
import { buyersOf, purchasesOf, scanEvidence, scanPurchases, type ScannedEvidence, type ScannedPurchases } from './evidence-scan.js';
import { everyone, households, scoreGroup, scoreTask, type Group, type Scored, type ScoringModels } from './households.js';
import { METRIC_COLUMNS, metricValues, type Metrics } from './metrics.js';
import { defaultThreads, fitInWorker, MetricsWorkers } from './metrics-workers.js';
import { churnSample, fitChurnSample, purchasesFromOrders, type ChurnFitOutcome } from './fitting.js';
import type { ChurnModels, PredictionMemo } from './prediction.js';
import { storeSentiments, type ScoredTexts } from './sentiment.js';

/** What an hour of support costs when the workspace does not say: 40.00 in its currency. */
export const DEFAULT_SUPPORT_HOURLY_COST = 4000;
/**
 * Customers whose metrics a full pass writes per transaction. Each commit writes every page it
 * touched, and the metric indexes' entries move to random places: at a million people nearly
 * every leaf of those indexes is dirtied by a few thousand updates, so the index pages written
 * grow with the number of commits, not of rows. Larger batches write fewer of them; a batch
 * holds the write lock ~1–2 s, which concurrent writers wait out (busy timeout 10 s).
 */
const WRITE_BATCH = 20_000;

export interface StoredModel {
  kind: string;
  params: unknown;
  logLikelihood: number | null;
  customers: number;
  fittedAt: string;
  details: unknown;
}

export interface RecomputeOptions {
  /** Refit the models first (the default). */
  refit?: boolean;
  /** Worker threads that score (default: every core but one from 20,000 people; 0: none). */
  threads?: number;
  onProgress?: (progress: RecomputeProgress) => void;
  /** Other work for this thread while the workers score (the dashboard's reports, which read none of the metrics). */
  alongside?: () => Promise<void>;
}

export interface RecomputeProgress {
  phase: 'fit' | 'people' | 'companies';
  done: number;
  total: number;
}

const COLUMN_KINDS: Record<(typeof METRIC_COLUMNS)[keyof typeof METRIC_COLUMNS], StorageKind> = {
  relationship_strength: 'float', csat: 'float', nps_category: 'text', rfm_score: 'text', rfm_segment: 'text', clv: 'integer',
  predicted_purchases: 'float', predicted_clv: 'integer', p_alive: 'float', churn_risk: 'float', customer_type: 'text',
};

/** What a chunk's write sets on the rows, in this order: when, then the metrics (the detail is not stored: see `detail`). */
const WRITTEN_COLUMNS: ColumnKinds = [
  ['metrics_at', 'text'],
  ...Object.values(METRIC_COLUMNS).map((column) => [column, COLUMN_KINDS[column]] as const),
];

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Members per campaign from the `campaigns` model's parameters. */
const sizesOf = (params: unknown) => (params ? new Map(Object.entries((params as { members: Record<string, number> }).members)) : null);

/** Members per campaign as the last refit counted them (null before the first refit). */
export async function refittedCampaignSizes(ctx: RequestContext): Promise<Map<string, number> | null> {
  const row = await ctx.db.selectFrom('analytics_models').select('params').where('kind', '=', 'campaigns').executeTakeFirst();
  return sizesOf(row && parse(row.params));
}

/** What a refit fits, before it is stored. */
interface Fitted {
  rfmPeople: { cuts: RfmBreakpoints | null; customers: number };
  rfmCompanies: { cuts: RfmBreakpoints | null; customers: number };
  churn: Promise<ChurnFitOutcome>;
}

interface Queue {
  people: RowValues[];
  companies: RowValues[];
  scored: ScoredTexts;
}

const emptyQueue = (): Queue => ({ people: [], companies: [], scored: { notes: [], comments: [] } });

/** What one pass scores with — the models, the instant, the predictions already made at it — and what it has yet to write. */
interface Scoring {
  models: ScoringModels;
  at: Date;
  memo: PredictionMemo;
  queued: Queue;
  writeEvery: number;
  /** A full pass's evidence, read table by table up front; otherwise each chunk's is read through the person indexes. */
  source?: ScannedEvidence;
}

/** A customer's metrics to write: the values of METRIC_COLUMNS. */
interface MetricRow {
  id: string;
  values: readonly unknown[];
}

export class MetricsStore {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The workspace's fitted models. */
  async models(ctx: RequestContext): Promise<StoredModel[]> {
    const rows = await ctx.db.selectFrom('analytics_models').selectAll().orderBy('kind').execute();
    return rows.map((row) => ({
      kind: row.kind, params: parse(row.params), logLikelihood: row.log_likelihood === null ? null : Number(row.log_likelihood),
      customers: Number(row.customers), fittedAt: row.fitted_at, details: parse(row.details),
    }));
  }

  async #modelsForScoring(ctx: RequestContext): Promise<ScoringModels> {
    const byKind = new Map((await this.models(ctx)).map((m) => [m.kind, m]));
    return {
      rfm: (byKind.get('rfm.people')?.params as RfmBreakpoints | undefined) ?? null,
      companyRfm: (byKind.get('rfm.companies')?.params as RfmBreakpoints | undefined) ?? null,
      churn: (byKind.get('churn')?.params as ChurnModels | undefined) ?? null,
      campaignSizes: sizesOf(byKind.get('campaigns')?.params),
      supportHourlyCost: DEFAULT_SUPPORT_HOURLY_COST,
    };
  }

  /**
   * Refits the population-relative models from every customer's history: counted by the
   * database, or — in a full recompute — from the evidence its scan has read.
   */
  async refit(ctx: RequestContext, scan?: ScannedEvidence): Promise<StoredModel[]> {
    const asOf = this.now();
    const fitted = await this.#fit(ctx, asOf, scan, false);
    await this.#saveFit(ctx, asOf, fitted, scan?.campaignMembers ?? await campaignSizes(ctx));
    return this.models(ctx);
  }

  /**
   * The models of a refit as of `asOf`, from the buyers of `purchases` (a scan's first part) or
   * counted by the database: RFM cut points for people and for companies (summed from their
   * people), and the churn models fitted to the buyers — in a worker thread if `inWorker`, which
   * the caller may await later (`churn`), reading on meanwhile.
   */
  async #fit(ctx: RequestContext, asOf: Date, purchases: ScannedPurchases | undefined, inWorker: boolean): Promise<Fitted> {
    const buyers = purchases ? buyersOf(purchases) : await this.#buyers(ctx);
    const companies = new Map<string, { orders: number; revenue: number; last: string }>();
    for (const row of buyers) {
      if (row.companyId === null) continue;
      const company = companies.get(row.companyId) ?? { orders: 0, revenue: 0, last: '' };
      company.orders += row.orders;
      company.revenue += row.revenue;
      if (row.last > company.last) company.last = row.last;
      companies.set(row.companyId, company);
    }
    const rfmInput = (rows: Iterable<{ id: string; orders: number; revenue: number; last: string }>) => [...rows].map((row) => ({
      customerId: row.id, recencyDays: (asOf.getTime() - Date.parse(row.last)) / 86_400_000, frequency: row.orders, monetary: row.revenue,
    }));
    const people = rfmInput(buyers);
    const companyInput = rfmInput([...companies].map(([id, company]) => ({ id, ...company })));
    const sample = await churnSample(asOf, buyers.map((row) => row.id), purchases ? async (ids) => purchasesOf(purchases, ids) : purchasesFromOrders(ctx));
    const churn = inWorker ? fitInWorker(sample) : fitChurnSample(sample);
    churn.catch(() => {}); // awaited by #saveFit; a failure is reported there
    return {
      rfmPeople: { cuts: rfmBreakpoints(people), customers: people.length },
      rfmCompanies: { cuts: rfmBreakpoints(companyInput), customers: companyInput.length },
      churn,
    };
  }

  /** Stores a refit's models with the live members per campaign (each bears an equal share of its cost). */
  async #saveFit(ctx: RequestContext, asOf: Date, fitted: Fitted, members: ReadonlyMap<string, number>): Promise<void> {
    await this.#saveModel(ctx, 'rfm.people', fitted.rfmPeople.cuts, null, fitted.rfmPeople.customers, asOf);
    await this.#saveModel(ctx, 'rfm.companies', fitted.rfmCompanies.cuts, null, fitted.rfmCompanies.customers, asOf);
    await this.#saveModel(ctx, 'campaigns', { members: Object.fromEntries(members) }, null, members.size, asOf);
    const churn = await fitted.churn;
    if ('fit' in churn) await this.#saveModel(ctx, 'churn', churn.fit.models, churn.fit.logLikelihood, churn.fit.customers, asOf, churn.fit.details);
    else await this.#saveModel(ctx, 'churn', null, null, 0, asOf);
  }

  /** One pass over paid orders: each live buyer, in id order, with their company, orders, revenue and last order. */
  async #buyers(ctx: RequestContext): Promise<{ id: string; companyId: string | null; orders: number; revenue: number; last: string }[]> {
    const rows = await ctx.db.selectFrom('orders as o').innerJoin('people as p', 'p.id', 'o.person_id')
      .select(['o.person_id as id', 'p.company_id', (eb) => eb.fn.countAll().as('orders'), (eb) => eb.fn.sum('o.total').as('revenue'), (eb) => eb.fn.max('o.ordered_at').as('last')])
      .where('o.deleted_at', 'is', null).where('p.deleted_at', 'is', null).where('o.status', 'not in', ['cancelled', 'refunded'])
      .groupBy(['o.person_id', 'p.company_id']).orderBy('o.person_id').execute();
    return rows.map((row) => ({ id: row.id as string, companyId: (row.company_id as string | null) ?? null, orders: Number(row.orders), revenue: Number(row.revenue ?? 0), last: row.last as string }));
  }

  async #saveModel(ctx: RequestContext, kind: string, params: unknown, logLikelihood: number | null, customers: number, at: Date, details: unknown = null): Promise<void> {
    await ctx.db.deleteFrom('analytics_models').where('kind', '=', kind).execute();
    if (params === null) return;
    await ctx.db.insertInto('analytics_models').values({
      kind, params: JSON.stringify(params), log_likelihood: logLikelihood, customers, fitted_at: at.toISOString(), details: details === null ? null : JSON.stringify(details),
    }).execute();
  }

  /** Recomputes and stores the metrics of these people; returns the ids of their companies. */
  async recomputePeople(ctx: RequestContext, personIds: readonly string[]): Promise<string[]> {
    const scoring = this.#scoring(await this.#modelsForScoring(ctx));
    const people = await this.#scoreGroup(ctx, scoring, { companies: [], people: [...personIds] }, true);
    await this.#flush(ctx, scoring);
    return [...new Set(people.map((p) => p.evidence.companyId).filter((id): id is string => id !== null))];
  }

  /** Recomputes and stores the metrics of these companies from their people. */
  async recomputeCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<void> {
    const scoring = this.#scoring(await this.#modelsForScoring(ctx));
    const live = (await ctx.db.selectFrom('companies').select('id').where('id', 'in', [...companyIds]).where('deleted_at', 'is', null).orderBy('id').execute()).map((row) => row.id as string);
    if (live.length === 0) return;
    const byCompany = await membersOf(ctx, live);
    // A company's job leaves its people to theirs.
    for (const group of households(live, byCompany)) await this.#scoreGroup(ctx, scoring, group, false);
    await this.#flush(ctx, scoring);
  }

  /** A pass that writes after each chunk (`writeEvery` 0) or once every `writeEvery` customers. */
  #scoring(models: ScoringModels, writeEvery = 0): Scoring {
    return { models, at: this.now(), memo: new Map(), queued: emptyQueue(), writeEvery };
  }

  /** Scores a group in this thread — its evidence from the pass's scan or read through the person indexes — and queues what it writes. */
  async #scoreGroup(ctx: RequestContext, scoring: Scoring, group: Group, writePeople: boolean): Promise<Scored[]> {
    const { people, scored } = scoring.source?.chunk(group.people) ?? await loadEvidence(ctx, group.people, { campaignSizes: scoring.models.campaignSizes ?? undefined });
    const result = scoreGroup([...people.values()], group.companies, scoring.models, scoring.at.getTime(), scoring.memo);
    const row = (id: string, metrics: Metrics) => ({ id, values: metricValues(metrics) });
    await this.#queue(ctx, scoring, writePeople ? result.people.map((p) => row(p.evidence.personId, p.metrics)) : [], result.companies.map((c) => row(c.id, c.metrics)), scored);
    return result.people;
  }

  /**
   * Queues a group's metrics and the text tones scored on the way, and writes what is queued once
   * it reaches the pass's batch. One transaction per batch: on SQLite each commit writes every page
   * it touched (the metric indexes' pages among them) to the WAL again, so few large commits
   * write much less than many small ones.
   */
  async #queue(ctx: RequestContext, scoring: Scoring, people: readonly MetricRow[], companies: readonly MetricRow[], scored?: ScoredTexts): Promise<void> {
    const at = scoring.at.toISOString();
    const queued = scoring.queued;
    for (const [rows, customers] of [[queued.people, people], [queued.companies, companies]] as const) {
      for (const customer of customers) rows.push({ id: customer.id, values: [at, ...customer.values] });
    }
    if (scored) {
      queued.scored.notes.push(...scored.notes);
      queued.scored.comments.push(...scored.comments);
    }
    if (queued.people.length + queued.companies.length >= scoring.writeEvery) await this.#flush(ctx, scoring);
  }

  async #flush(ctx: RequestContext, scoring: Scoring): Promise<void> {
    const { people, companies, scored } = scoring.queued;
    scoring.queued = emptyQueue();
    if (people.length + companies.length + scored.notes.length + scored.comments.length === 0) return;
    // In id order: rows stored in the order they were created are then written in one sweep.
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    people.sort(byId);
    companies.sort(byId);
    await ctx.dialect.transaction(ctx.db, async (trx) => {
      await storeSentiments({ ...ctx, db: trx }, scored);
      await updateRows(trx, ctx.dialect, 'people', WRITTEN_COLUMNS, people);
      await updateRows(trx, ctx.dialect, 'companies', WRITTEN_COLUMNS, companies);
    });
  }

  /**
   * Everyone's metrics, optionally refitting the models first; reports progress as it goes.
   * Every table is read once (`scanEvidence`); the scoring runs in `threads` worker threads
   * (by default every core but one, for 20,000 people or more; 0: in this thread) while this
   * thread writes. `alongside`: other work for this thread (the dashboard's reports, which read
   * none of the metrics), started once the evidence is read so that it runs while the workers
   * score; the pass ends when both have.
   */
  async recomputeAll(ctx: RequestContext, options: RecomputeOptions = {}): Promise<{ people: number; companies: number }> {
    const refit = options.refit !== false;
    if (refit) options.onProgress?.({ phase: 'fit', done: 0, total: 1 });
    const purchases = await scanPurchases(ctx);
    const threads = options.threads ?? defaultThreads(purchases.people.length);
    let scan: ScannedEvidence;
    if (refit) {
      // The refit counts from the scan: the models are fitted (in a thread of their own when the
      // pass uses threads) from its first part while this thread reads the rest.
      const asOf = this.now();
      const fitted = await this.#fit(ctx, asOf, purchases, threads > 0);
      scan = await scanEvidence(ctx, { purchases });
      await this.#saveFit(ctx, asOf, fitted, scan.campaignMembers);
      options.onProgress?.({ phase: 'fit', done: 1, total: 1 });
    }
    const models = await this.#modelsForScoring(ctx);
    // Not refitted, the scan shares campaign costs by the member counts of the last refit, as any
    // recompute does; never refitted, by the members it counts itself.
    scan ??= await scanEvidence(ctx, { campaignSizes: models.campaignSizes ?? undefined, purchases });
    const scoring = this.#scoring(models, WRITE_BATCH);
    scoring.source = scan;
    scoring.queued.scored = scan.scored;
    const totals = { people: scan.people.length, companies: scan.companies.length };
    let done = 0;
    const progress = (count: number) => options.onProgress?.({ phase: 'people', done: (done += count), total: totals.people });

    if (threads === 0) {
      for (const group of everyone(scan)) {
        await this.#scoreGroup(ctx, scoring, group, true);
        progress(group.people.length);
      }
      await options.alongside?.();
    } else {
      await this.#scoreInWorkers(ctx, scoring, scan, threads, progress, options.alongside);
    }
    await this.#flush(ctx, scoring);
    options.onProgress?.({ phase: 'companies', done: totals.companies, total: totals.companies });
    return totals;
  }

  /**
   * A full pass's scoring in `threads` worker threads while this thread writes their results —
   * and, while no result is ready, scores groups itself, unless it has `alongside` work to do.
   */
  async #scoreInWorkers(ctx: RequestContext, scoring: Scoring, scan: ScannedEvidence, threads: number, progress: (count: number) => void, alongside?: () => Promise<void>): Promise<void> {
    const at = scoring.at.getTime();
    const workers = new MetricsWorkers(scan.columns, scoring.models, at, threads);
    const other = alongside?.();
    let busy = other !== undefined;
    // Awaited below; a failure is reported there.
    other?.then(() => { busy = false; }, () => { busy = false; });
    try {
      const tasks = function* () {
        for (const group of everyone(scan)) yield { companies: group.companies, people: group.people.map((id) => scan.placeOf(id)!), writePeople: true };
      };
      await workers.scoreAll(tasks(), async (result) => {
        await this.#queue(ctx, scoring, result.people, result.companies);
        progress(result.people.length);
      }, { free: () => !busy, score: (task) => scoreTask(scan.columns, scoring.models, at, scoring.memo, task) });
    } finally {
      await workers.close();
    }
    await other;
  }

  /**
   * The stored metrics of a person or company, with the detail that explains them: components,
   * evidence and reasons. The detail is not stored (~2 KB a customer, read only when one record is
   * opened): it is computed here from the customer's records (a company's: its people's) and the
   * workspace's models, at the instant the metrics were stored — the computation that stored them,
   * so it explains those figures. A change to the records updates the stored metrics within a
   * second; a refit is followed by a full pass.
   */
  async detail(ctx: RequestContext, table: 'people' | 'companies', id: string): Promise<(Omit<Metrics, 'detail'> & { metricsAt: string | null; detail: Metrics['detail'] | null }) | undefined> {
    const row = await ctx.db.selectFrom(table).select([...Object.values(METRIC_COLUMNS), 'metrics_at']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const metrics: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(METRIC_COLUMNS)) {
      const value = row[column];
      metrics[field] = value === null || typeof value === 'string' ? value : Number(value);
    }
    const metricsAt: string | null = row.metrics_at ?? null;
    if (metricsAt === null) return { ...(metrics as Omit<Metrics, 'detail'>), metricsAt, detail: null };
    const models = await this.#modelsForScoring(ctx);
    const group: Group = table === 'people' ? { companies: [], people: [id] } : { companies: [id], people: (await membersOf(ctx, [id])).get(id)! };
    const { people } = await loadEvidence(ctx, group.people, { campaignSizes: models.campaignSizes ?? undefined });
    const scored = scoreGroup([...people.values()], group.companies, models, Date.parse(metricsAt), new Map());
    const detail = table === 'people' ? scored.people[0]?.metrics.detail : scored.companies[0].metrics.detail;
    return { ...(metrics as Omit<Metrics, 'detail'>), metricsAt, detail: detail ?? null };
  }
}

/** The live people of each of these (live) companies, each list in id order. */
async function membersOf(ctx: RequestContext, companyIds: readonly string[]): Promise<Map<string, string[]>> {
  // Sorted here, not by ORDER BY: SQLite would walk the workspace's primary key to avoid a
  // sort instead of taking the company index (2–4 s for one company at a million people).
  const members = await ctx.db.selectFrom('people').select(['id', 'company_id']).where('company_id', 'in', [...companyIds]).where('deleted_at', 'is', null).execute();
  const byCompany = new Map<string, string[]>(companyIds.map((id) => [id, []]));
  for (const row of members) byCompany.get(row.company_id as string)?.push(row.id as string);
  for (const people of byCompany.values()) people.sort();
  return byCompany;
}
