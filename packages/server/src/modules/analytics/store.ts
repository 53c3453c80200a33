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
import { campaignSizes, loadEvidence, type Evidence } from './evidence.js';
import { companyMetrics, personMetrics, type Metrics, type Models } from './metrics.js';
import { fitChurnModels } from './fitting.js';
import type { ChurnModels } from './prediction.js';

/** What an hour of support costs when the workspace does not say: 40.00 in its currency. */
export const DEFAULT_SUPPORT_HOURLY_COST = 4000;
const PEOPLE_CHUNK = 500;
const COMPANY_CHUNK = 200;

export interface StoredModel {
  kind: string;
  params: unknown;
  logLikelihood: number | null;
  customers: number;
  fittedAt: string;
  details: unknown;
}

export interface RecomputeProgress {
  phase: 'fit' | 'people' | 'companies';
  done: number;
  total: number;
}

const METRIC_COLUMNS = {
  relationshipStrength: 'relationship_strength', csat: 'csat', npsCategory: 'nps_category', rfmScore: 'rfm_score',
  rfmSegment: 'rfm_segment', clv: 'clv', predictedPurchases: 'predicted_purchases', predictedClv: 'predicted_clv',
  pAlive: 'p_alive', churnRisk: 'churn_risk', customerType: 'customer_type',
} as const satisfies Record<Exclude<keyof Metrics, 'detail'>, string>;

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

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

  async #modelsForScoring(ctx: RequestContext): Promise<Models & { companyRfm: RfmBreakpoints | null }> {
    const byKind = new Map((await this.models(ctx)).map((m) => [m.kind, m]));
    return {
      rfm: (byKind.get('rfm.people')?.params as RfmBreakpoints | undefined) ?? null,
      companyRfm: (byKind.get('rfm.companies')?.params as RfmBreakpoints | undefined) ?? null,
      churn: (byKind.get('churn')?.params as ChurnModels | undefined) ?? null,
      campaignSizes: byKind.has('campaigns') ? new Map(Object.entries((byKind.get('campaigns')!.params as { members: Record<string, number> }).members)) : null,
      supportHourlyCost: DEFAULT_SUPPORT_HOURLY_COST,
    };
  }

  /** Refits the population-relative models from every customer's history. */
  async refit(ctx: RequestContext): Promise<StoredModel[]> {
    const asOf = this.now();
    const buyers = (table: 'person' | 'company') => {
      const key = table === 'person' ? 'o.person_id' : 'p.company_id';
      return ctx.db.selectFrom('orders as o').innerJoin('people as p', 'p.id', 'o.person_id')
        .select([`${key} as id`, (eb) => eb.fn.countAll().as('orders'), (eb) => eb.fn.sum('o.total').as('revenue'), (eb) => eb.fn.max('o.ordered_at').as('last')])
        .where('o.deleted_at', 'is', null).where('p.deleted_at', 'is', null).where('o.status', 'not in', ['cancelled', 'refunded'])
        .where(key, 'is not', null).groupBy(key).orderBy(key).execute();
    };
    const rfmInput = (rows: Awaited<ReturnType<typeof buyers>>) => rows.map((row) => ({
      customerId: row.id as string, recencyDays: (asOf.getTime() - Date.parse(row.last as string)) / 86_400_000, frequency: Number(row.orders), monetary: Number(row.revenue ?? 0),
    }));
    const people = rfmInput(await buyers('person'));
    const companies = rfmInput(await buyers('company'));
    await this.#saveModel(ctx, 'rfm.people', rfmBreakpoints(people), null, people.length, asOf);
    await this.#saveModel(ctx, 'rfm.companies', rfmBreakpoints(companies), null, companies.length, asOf);
    const members = await campaignSizes(ctx);
    await this.#saveModel(ctx, 'campaigns', { members: Object.fromEntries(members) }, null, members.size, asOf);
    const churn = await fitChurnModels(ctx, asOf);
    if ('fit' in churn) await this.#saveModel(ctx, 'churn', churn.fit.models, churn.fit.logLikelihood, churn.fit.customers, asOf, churn.fit.details);
    else await this.#saveModel(ctx, 'churn', null, null, 0, asOf);

    return this.models(ctx);
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
    const models = await this.#modelsForScoring(ctx);
    return this.#people(ctx, personIds, models, this.now());
  }

  async #people(ctx: RequestContext, personIds: readonly string[], models: Models, at: Date): Promise<string[]> {
    const evidence = await loadEvidence(ctx, personIds, { campaignSizes: models.campaignSizes ?? undefined });
    const companies = new Set<string>();
    await ctx.dialect.transaction(ctx.db, async (trx) => {
      for (const item of evidence.values()) {
        await this.#write(trx, 'people', item.personId, personMetrics(item, models, at.getTime()), at);
        if (item.companyId) companies.add(item.companyId);
      }
    });
    return [...companies];
  }

  /** Recomputes and stores the metrics of these companies from their people. */
  async recomputeCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<void> {
    await this.#companies(ctx, companyIds, await this.#modelsForScoring(ctx), this.now());
  }

  async #companies(ctx: RequestContext, companyIds: readonly string[], models: Models & { companyRfm: RfmBreakpoints | null }, at: Date): Promise<void> {
    if (companyIds.length === 0) return;
    const live = await ctx.db.selectFrom('companies').select('id').where('id', 'in', [...companyIds]).where('deleted_at', 'is', null).execute();
    const members = await ctx.db.selectFrom('people').select(['id', 'company_id']).where('company_id', 'in', [...companyIds]).where('deleted_at', 'is', null).orderBy('company_id').orderBy('id').execute();
    const evidence = await loadEvidence(ctx, members.map((m) => m.id), { campaignSizes: models.campaignSizes ?? undefined });
    const byCompany = new Map<string, { evidence: Evidence; metrics: Metrics }[]>();
    for (const item of evidence.values()) {
      const list = byCompany.get(item.companyId!) ?? [];
      list.push({ evidence: item, metrics: personMetrics(item, models, at.getTime()) });
      byCompany.set(item.companyId!, list);
    }
    await ctx.dialect.transaction(ctx.db, async (trx) => {
      for (const { id } of live) await this.#write(trx, 'companies', id, companyMetrics(byCompany.get(id) ?? [], models, at.getTime()), at);
    });
  }

  async #write(db: RequestContext['db'], table: 'people' | 'companies', id: string, metrics: Metrics, at: Date): Promise<void> {
    const values: Record<string, unknown> = { metrics_at: at.toISOString(), metrics_detail: JSON.stringify(metrics.detail) };
    for (const [field, column] of Object.entries(METRIC_COLUMNS)) values[column] = metrics[field as keyof typeof METRIC_COLUMNS];
    await db.updateTable(table).set(values).where('id', '=', id).execute();
  }

  /** Everyone's metrics, optionally refitting the models first; reports progress as it goes. */
  async recomputeAll(ctx: RequestContext, options: { refit?: boolean; onProgress?: (progress: RecomputeProgress) => void } = {}): Promise<{ people: number; companies: number }> {
    if (options.refit !== false) {
      options.onProgress?.({ phase: 'fit', done: 0, total: 1 });
      await this.refit(ctx);
      options.onProgress?.({ phase: 'fit', done: 1, total: 1 });
    }
    const models = await this.#modelsForScoring(ctx);
    const at = this.now();
    const count = async (table: string) => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);
    const totals = { people: await count('people'), companies: await count('companies') };
    // Never refitted: count the campaigns once for the whole run rather than per chunk.
    models.campaignSizes ??= await campaignSizes(ctx);
    for (const [table, chunk] of [['people', PEOPLE_CHUNK], ['companies', COMPANY_CHUNK]] as const) {
      let after = '';
      let done = 0;
      for (;;) {
        const ids = (await ctx.db.selectFrom(table).select('id').where('id', '>', after).where('deleted_at', 'is', null).orderBy('id').limit(chunk).execute()).map((row) => row.id as string);
        if (ids.length === 0) break;
        if (table === 'people') await this.#people(ctx, ids, models, at);
        else await this.#companies(ctx, ids, models, at);
        after = ids[ids.length - 1];
        done += ids.length;
        options.onProgress?.({ phase: table, done, total: totals[table] });
      }
    }
    return totals;
  }

  /** The stored metrics of a person or company with the detail that explains them. */
  async detail(ctx: RequestContext, table: 'people' | 'companies', id: string): Promise<(Omit<Metrics, 'detail'> & { metricsAt: string | null; detail: Metrics['detail'] | null }) | undefined> {
    const row = await ctx.db.selectFrom(table).select([...Object.values(METRIC_COLUMNS), 'metrics_at', 'metrics_detail']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const metrics: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(METRIC_COLUMNS)) {
      const value = row[column];
      metrics[field] = value === null || typeof value === 'string' ? value : Number(value);
    }
    return { ...(metrics as Omit<Metrics, 'detail'>), metricsAt: row.metrics_at ?? null, detail: parse(row.metrics_detail) ?? null };
  }
}
