// Relationship analytics over the workspace's records (SPEC §7), computed with the pure maths of
// `@rapport/core` from rows read through the caller's context: workspace scope, record
// visibility and field hiding apply as everywhere else.
// So far: satisfaction (CSAT, NPS, monthly series, by agent) and loyalty (repeat purchases,
// frequency, gaps, tenure, returning revenue) for the workspace, a segment of people (any
// filter), a person or a company, over a period.
import {
  allocateCampaignCosts, cohortMatrix, csat, customerProfits, loyalty, nps, people, periodRetention, referrals, rfm, whaleCurve,
  type CohortRow, type PeriodRetention,
  type CsatSummary, type CustomerProfit, type LoyaltySummary, type NpsSummary, type ReferralSummary, type RfmSegment,
} from '@rapport/core';
import type { SelectQueryBuilder } from 'kysely';
import type { RequestContext } from '../../engine/context.js';
import { compileFilter } from '../../engine/filter-sql.js';
import { parseRecordFilter } from '../../engine/list-query.js';
import { fromObject, getRecord } from '../../engine/read.js';
import { Forbidden, NotFound, ValidationFailed } from '../../errors.js';

export interface Scope {
  /** A segment of people in the filter language. */
  filter?: string;
  personId?: string;
  companyId?: string;
  /** ISO 8601 instants; the period is [from, to). */
  from?: string;
  to?: string;
}

export interface SatisfactionReport {
  csat: CsatSummary;
  nps: NpsSummary;
  /** Per calendar month (UTC) of the answers. */
  monthly: { month: string; csat: number | null; nps: number | null; answers: number }[];
  /** Per case assignee, for answers about a case. */
  byAgent: { agentId: string; csat: number | null; nps: number | null; answers: number }[];
}

export interface ProfitabilityReport {
  totals: { customers: number; revenue: number; costOfGoods: number; costToServe: number; profit: number };
  unprofitableCustomers: number;
  /** At most about a hundred points, the last one at 100 % of customers and total profit. */
  whaleCurve: ReturnType<typeof whaleCurve>;
  rfmSegments: Partial<Record<RfmSegment, number>>;
  mostProfitable: CustomerProfit[];
  leastProfitable: CustomerProfit[];
  supportHourlyCost: number;
}

interface Answer {
  kind: string;
  score: number;
  at: string;
  agentId: string | null;
}

export class AnalyticsService {
  /** Satisfaction of the scope's customers over the period. */
  async satisfaction(ctx: RequestContext, scope: Scope): Promise<SatisfactionReport> {
    const answers = await this.#answers(ctx, scope);
    const summarise = (list: Answer[]) => ({
      csat: csat(list.filter((a) => a.kind === 'csat').map((a) => a.score)),
      nps: nps(list.filter((a) => a.kind === 'nps').map((a) => a.score)),
    });
    const group = (key: (answer: Answer) => string | null) => {
      const groups = new Map<string, Answer[]>();
      for (const answer of answers) {
        const k = key(answer);
        if (k !== null) groups.set(k, [...(groups.get(k) ?? []), answer]);
      }
      return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
    };
    return {
      ...summarise(answers),
      monthly: group((a) => a.at.slice(0, 7)).map(([month, list]) => {
        const s = summarise(list);
        return { month, csat: s.csat.csat, nps: s.nps.nps, answers: list.length };
      }),
      byAgent: group((a) => a.agentId).map(([agentId, list]) => {
        const s = summarise(list);
        return { agentId, csat: s.csat.csat, nps: s.nps.nps, answers: list.length };
      }),
    };
  }

  /** Loyalty of the scope's customers from their paid orders in the period (cancelled and refunded ones left out). */
  async loyalty(ctx: RequestContext, scope: Scope): Promise<LoyaltySummary & { referrals: ReferralSummary }> {
    await this.#checkScope(ctx, scope);
    const paid = () => fromObject(ctx, ctx.objects.get('orders')!).where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', ['cancelled', 'refunded']);
    let query = paid().select(['t.person_id', 't.ordered_at', 't.total']);
    if (scope.from) query = query.where('t.ordered_at', '>=', scope.from);
    if (scope.to) query = query.where('t.ordered_at', '<', scope.to);
    query = this.#inScope(ctx, scope, query);
    const rows = await query.execute();
    const summary = loyalty(rows.map((row) => ({ customerId: row.person_id, at: row.ordered_at, revenue: Number(row.total ?? 0) })), scope.to ?? new Date().toISOString());
    // People the period's customers referred (created in the period), and whether they have bought.
    let referred = fromObject(ctx, ctx.objects.get('people')!).select(['t.id', 't.referred_by_id']).where('t.deleted_at', 'is', null).where('t.referred_by_id', 'is not', null);
    if (scope.from) referred = referred.where('t.created_at', '>=', scope.from);
    if (scope.to) referred = referred.where('t.created_at', '<', scope.to);
    referred = this.#inScope(ctx, scope, referred, 't.referred_by_id');
    const links = await referred.execute();
    const buyers = new Set<string>();
    const referredIds = links.map((link) => link.id as string);
    for (let i = 0; i < referredIds.length; i += 500) {
      const bought = await paid().select('t.person_id').where('t.person_id', 'in', referredIds.slice(i, i + 500)).groupBy('t.person_id').execute();
      for (const row of bought) buyers.add(row.person_id as string);
    }
    return {
      ...summary,
      referrals: referrals(links.map((link) => ({ referrerId: link.referred_by_id as string, referredId: link.id as string, referredBought: buyers.has(link.id as string) })), rows.map((row) => row.person_id as string)),
    };
  }

  /** Cohort retention by first-purchase month and month-over-month retention and churn, from paid orders. */
  async retention(ctx: RequestContext, scope: Scope): Promise<{ cohorts: CohortRow[]; monthly: PeriodRetention[] }> {
    await this.#checkScope(ctx, scope);
    let query = fromObject(ctx, ctx.objects.get('orders')!).select(['t.person_id', 't.ordered_at'])
      .where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', ['cancelled', 'refunded']);
    if (scope.from) query = query.where('t.ordered_at', '>=', scope.from);
    if (scope.to) query = query.where('t.ordered_at', '<', scope.to);
    const purchases = (await this.#inScope(ctx, scope, query).execute()).map((row) => ({ customerId: row.person_id as string, at: row.ordered_at as string }));
    const until = scope.to ? new Date(Date.parse(scope.to) - 1).toISOString() : new Date().toISOString();
    return { cohorts: cohortMatrix(purchases, until), monthly: periodRetention(purchases, until) };
  }

  /**
   * Profit per customer (revenue − cost of goods − cost to serve) over the period, the whale
   * curve, and RFM segments. Needs the order cost the caller's role may be hiding.
   */
  async profitability(ctx: RequestContext, scope: Scope, options: { supportHourlyCost: number; asOf?: string }): Promise<ProfitabilityReport> {
    await this.#checkScope(ctx, scope);
    if (ctx.access.hiddenFields('orders').includes('costTotal')) throw new Forbidden('profitability needs order costs, which your role does not see');
    const orders = ctx.objects.get('orders')!;
    const cases = ctx.objects.get('cases')!;
    let sales = fromObject(ctx, orders).select(['t.person_id', 't.ordered_at', 't.total', 't.cost_total'])
      .where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', ['cancelled', 'refunded']);
    let support = fromObject(ctx, cases).select(['t.person_id', 't.support_minutes']).where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null);
    if (scope.from) {
      sales = sales.where('t.ordered_at', '>=', scope.from);
      support = support.where('t.opened_at', '>=', scope.from);
    }
    if (scope.to) {
      sales = sales.where('t.ordered_at', '<', scope.to);
      support = support.where('t.opened_at', '<', scope.to);
    }
    const saleRows = await this.#inScope(ctx, scope, sales).execute();
    const supportRows = await this.#inScope(ctx, scope, support).execute();
    const campaignRows = await this.#inScope(ctx, scope, fromObject(ctx, ctx.objects.get('campaignMembers')!)
      .innerJoin('campaigns as k', 'k.id', 't.campaign_id').select(['t.campaign_id', 't.person_id', 'k.actual_cost'])
      .where('t.deleted_at', 'is', null).where('k.deleted_at', 'is', null)).execute();

    const ledgers = new Map<string, { customerId: string; revenue: number; costOfGoods: number; supportMinutes: number; campaignCost: number; orders: number; lastOrder: string }>();
    const ledger = (id: string) => {
      let entry = ledgers.get(id);
      if (!entry) ledgers.set(id, (entry = { customerId: id, revenue: 0, costOfGoods: 0, supportMinutes: 0, campaignCost: 0, orders: 0, lastOrder: '' }));
      return entry;
    };
    for (const row of saleRows) {
      const entry = ledger(row.person_id);
      entry.revenue += Number(row.total ?? 0);
      entry.costOfGoods += Number(row.cost_total ?? 0);
      entry.orders += 1;
      if (row.ordered_at > entry.lastOrder) entry.lastOrder = row.ordered_at;
    }
    for (const row of supportRows) ledger(row.person_id).supportMinutes += Number(row.support_minutes ?? 0);
    const byCampaign = new Map<string, { cost: number; memberIds: string[] }>();
    for (const row of campaignRows) {
      const campaign = byCampaign.get(row.campaign_id) ?? { cost: Number(row.actual_cost ?? 0), memberIds: [] };
      campaign.memberIds.push(row.person_id);
      byCampaign.set(row.campaign_id, campaign);
    }
    // Campaign costs are shared by every member, in scope or not; only in-scope shares are kept.
    for (const [id, share] of allocateCampaignCosts([...byCampaign.values()])) ledger(id).campaignCost += share;

    const profits = customerProfits([...ledgers.values()], options.supportHourlyCost);
    const curve = whaleCurve(profits.map((p) => p.profit));
    const asOf = Date.parse(options.asOf ?? scope.to ?? new Date().toISOString());
    const buyers = [...ledgers.values()].filter((l) => l.orders > 0);
    const scores = rfm(buyers.map((l) => ({ customerId: l.customerId, recencyDays: (asOf - Date.parse(l.lastOrder)) / 86_400_000, frequency: l.orders, monetary: l.revenue })));
    const segments: Partial<Record<RfmSegment, number>> = {};
    for (const score of scores) segments[score.segment] = (segments[score.segment] ?? 0) + 1;
    const sum = (pick: (p: CustomerProfit) => number) => profits.reduce((total, p) => total + pick(p), 0);
    const ranked = [...profits].sort((a, b) => b.profit - a.profit);
    const step = Math.max(1, Math.ceil(curve.points.length / 100));
    return {
      totals: { customers: profits.length, revenue: sum((p) => p.revenue), costOfGoods: sum((p) => p.costOfGoods), costToServe: sum((p) => p.costToServe), profit: sum((p) => p.profit) },
      unprofitableCustomers: profits.filter((p) => p.profit < 0).length,
      whaleCurve: { totalProfit: curve.totalProfit, peakProfit: curve.peakProfit, points: curve.points.filter((_, i) => i % step === step - 1 || i === curve.points.length - 1) },
      rfmSegments: segments,
      mostProfitable: ranked.slice(0, 10),
      leastProfitable: ranked.slice(-10).reverse(),
      supportHourlyCost: options.supportHourlyCost,
    };
  }

  async #checkScope(ctx: RequestContext, scope: Scope): Promise<void> {
    if (scope.from && scope.to && scope.from >= scope.to) throw new ValidationFailed([{ field: 'from', message: 'must be before to' }]);
    // A person's or company's figures are theirs to see only if the record is.
    for (const [object, id] of [['people', scope.personId], ['companies', scope.companyId]] as const) {
      if (id && !(await getRecord(ctx, ctx.objects.get(object)!, id, { fields: [] }))) throw new NotFound(`no ${object === 'people' ? 'person' : 'company'} with id ${id}`);
    }
  }

  /** Restricts rows with a `person_id` to the scope's people: one person, a company's, or a segment. */
  /** Narrows a query to the scope's people, matched on `column` (the person a row is about). */
  #inScope<Q extends SelectQueryBuilder<any, any, any>>(ctx: RequestContext, scope: Scope, query: Q, column = 't.person_id'): Q {
    if (scope.personId) return query.where(column, '=', scope.personId) as Q;
    if (!scope.filter && !scope.companyId) return query;
    const definition = ctx.objects.get('people') ?? people;
    let segment = fromObject(ctx, definition).select('t.id').where('t.deleted_at', 'is', null);
    if (scope.filter) segment = segment.where(compileFilter(ctx.db, ctx.dialect, definition, parseRecordFilter(definition, ctx.objects, scope.filter)));
    if (scope.companyId) segment = segment.where('t.company_id', '=', scope.companyId);
    return query.where(column, 'in', segment) as Q;
  }

  async #answers(ctx: RequestContext, scope: Scope): Promise<Answer[]> {
    await this.#checkScope(ctx, scope);
    const surveys = ctx.objects.get('surveyResponses')!;
    const cases = ctx.objects.get('cases')!;
    let query = fromObject(ctx, surveys)
      .leftJoin(fromObject(ctx, cases).select(['t.id', 't.assignee_id']).as('c'), 'c.id', 't.case_id')
      .select(['t.kind', 't.score', 't.responded_at', 'c.assignee_id'])
      .where('t.deleted_at', 'is', null);
    if (scope.from) query = query.where('t.responded_at', '>=', scope.from);
    if (scope.to) query = query.where('t.responded_at', '<', scope.to);
    const rows = await this.#inScope(ctx, scope, query).execute();
    return rows.map((row) => ({ kind: row.kind, score: Number(row.score), at: row.responded_at, agentId: row.assignee_id ?? null }));
  }
}
