// Relationship analytics over the workspace's records (SPEC §7), computed with the pure maths of
// `@rapport/core` from rows read through the caller's context: workspace scope, record
// visibility and field hiding apply as everywhere else.
// Satisfaction (CSAT, NPS, monthly series, by agent), loyalty (repeat purchases, frequency, gaps,
// tenure, returning revenue, referrals), cohort retention and profitability, for the workspace, a
// segment of people (any filter), a person or a company, over a period. The database does the
// counting — answers per month and score, orders per customer, buyers per month — so a report
// reads a row per month or per customer, never every order or answer.
import {
  cohortsOfCounts, csatOfTally, customerProfits, loyaltyOfCustomers, npsCategory, npsOfTally, people, referrals, rfm, whaleCurve,
  type CohortRow, type PeriodRetention,
  type CsatSummary, type CustomerProfit, type LoyaltySummary, type NpsSummary, type ReferralSummary, type RfmSegment,
} from '@rapport/core';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { RequestContext } from '../../engine/context.js';
import { compileFilter } from '../../engine/filter-sql.js';
import { parseRecordFilter } from '../../engine/list-query.js';
import { fromObject, getRecord } from '../../engine/read.js';
import { Forbidden, NotFound, ValidationFailed } from '../../errors.js';
import { costPerMember } from './evidence.js';
import { refittedCampaignSizes } from './store.js';

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

/** Answers of one group (a month, an agent) counted by kind and score. */
class Tally {
  answers = 0;
  csatAnswers = 0;
  satisfied = 0;
  promoters = 0;
  passives = 0;
  detractors = 0;

  add(kind: string, score: number, count: number): void {
    this.answers += count;
    if (kind === 'csat') {
      this.csatAnswers += count;
      if (score >= 4) this.satisfied += count;
    } else if (kind === 'nps') {
      const category = npsCategory(score);
      if (category === 'promoter') this.promoters += count;
      else if (category === 'passive') this.passives += count;
      else this.detractors += count;
    }
  }

  get csat(): CsatSummary {
    return csatOfTally(this.csatAnswers, this.satisfied);
  }

  get nps(): NpsSummary {
    return npsOfTally(this.promoters, this.passives, this.detractors);
  }
}

const UNPAID = ['cancelled', 'refunded'];

export type ReportName = 'satisfaction' | 'loyalty' | 'retention' | 'profitability';

/**
 * The objects each whole-workspace report reads through `fromObject`, where the caller's record
 * visibility narrows the rows. Keep in step with the reports below: a caller who sees every
 * record of these (and, for profitability, order costs) gets exactly the system's answer.
 */
export const REPORT_READS: Readonly<Record<ReportName, readonly string[]>> = {
  satisfaction: ['surveyResponses', 'cases'],
  loyalty: ['orders', 'people'],
  retention: ['orders'],
  profitability: ['orders', 'cases', 'campaignMembers'],
};

/** Whether the caller's role sees order costs (profitability is refused without them). */
export function seesCosts(ctx: RequestContext): boolean {
  return !ctx.access.hiddenFields('orders').includes('costTotal');
}

/**
 * Whether the caller's whole-workspace `report` equals the system's: no record of what it reads
 * hidden — `fromObject` narrows an object with an owner field to the owners the caller sees —
 * and costs seen where the report needs them.
 */
export function seesWholeReport(ctx: RequestContext, report: ReportName): boolean {
  if (report === 'profitability' && !seesCosts(ctx)) return false;
  return REPORT_READS[report].every((object) => !ctx.objects.get(object)?.ownerField || ctx.access.visibleOwners(object) === 'all');
}

/** `YYYY-MM` of an ISO 8601 instant column (stored as text on both databases). */
const monthOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export class AnalyticsService {
  /** Satisfaction of the scope's customers over the period. */
  async satisfaction(ctx: RequestContext, scope: Scope): Promise<SatisfactionReport> {
    await this.#checkScope(ctx, scope);
    const surveys = ctx.objects.get('surveyResponses')!;
    const cases = ctx.objects.get('cases')!;
    let answers = fromObject(ctx, surveys).where('t.deleted_at', 'is', null);
    if (scope.from) answers = answers.where('t.responded_at', '>=', scope.from);
    if (scope.to) answers = answers.where('t.responded_at', '<', scope.to);
    answers = this.#inScope(ctx, scope, answers);
    const month = monthOf('t.responded_at');
    const byMonth = await answers.select([month.as('key'), 't.kind', 't.score', (eb) => eb.fn.countAll().as('n')]).groupBy([month, 't.kind', 't.score']).execute();
    const byAgent = await answers.innerJoin(fromObject(ctx, cases).select(['t.id', 't.assignee_id']).as('c'), 'c.id', 't.case_id')
      .where('c.assignee_id', 'is not', null)
      .select(['c.assignee_id as key', 't.kind', 't.score', (eb) => eb.fn.countAll().as('n')]).groupBy(['c.assignee_id', 't.kind', 't.score']).execute();
    const tally = (rows: { key: string; kind: string; score: unknown; n: unknown }[]) => {
      const groups = new Map<string, Tally>();
      for (const row of rows) {
        let group = groups.get(row.key);
        if (!group) groups.set(row.key, (group = new Tally()));
        group.add(row.kind, Number(row.score), Number(row.n));
      }
      return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
    };
    const months = tally(byMonth as never);
    const all = new Tally();
    for (const row of byMonth) all.add(row.kind, Number(row.score), Number(row.n));
    return {
      csat: all.csat,
      nps: all.nps,
      monthly: months.map(([month, t]) => ({ month, csat: t.csat.csat, nps: t.nps.nps, answers: t.answers })),
      byAgent: tally(byAgent as never).map(([agentId, t]) => ({ agentId, csat: t.csat.csat, nps: t.nps.nps, answers: t.answers })),
    };
  }

  /** The scope's paid orders (cancelled and refunded ones left out) in the period. */
  #paidOrders(ctx: RequestContext, scope: Scope) {
    let query = fromObject(ctx, ctx.objects.get('orders')!).where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', UNPAID);
    if (scope.from) query = query.where('t.ordered_at', '>=', scope.from);
    if (scope.to) query = query.where('t.ordered_at', '<', scope.to);
    return this.#inScope(ctx, scope, query);
  }

  /** Loyalty of the scope's customers from their paid orders in the period (cancelled and refunded ones left out). */
  async loyalty(ctx: RequestContext, scope: Scope): Promise<LoyaltySummary & { referrals: ReferralSummary }> {
    await this.#checkScope(ctx, scope);
    // Per customer: purchases, first and last, revenue, and the first purchase's revenue.
    const ranked = this.#paidOrders(ctx, scope).select(['t.person_id', 't.ordered_at', 't.total', sql<number>`row_number() over (partition by t.person_id order by t.ordered_at, t.id)`.as('position')]);
    const customers = await ctx.db.selectFrom(ranked.as('s')).groupBy('s.person_id').select((eb) => [
      's.person_id', eb.fn.countAll().as('purchases'), eb.fn.min('s.ordered_at').as('first'), eb.fn.max('s.ordered_at').as('last'),
      eb.fn.sum('s.total').as('revenue'), eb.fn.sum(sql`case when s.position = 1 then s.total else 0 end`).as('first_revenue'),
    ]).execute();
    const summary = loyaltyOfCustomers(customers.map((row) => ({
      purchases: Number(row.purchases), first: row.first as string, last: row.last as string, revenue: Number(row.revenue ?? 0), firstRevenue: Number(row.first_revenue ?? 0),
    })), scope.to ?? new Date().toISOString());
    // People the period's customers referred (created in the period), and whether they have bought.
    const paid = () => fromObject(ctx, ctx.objects.get('orders')!).where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', UNPAID);
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
      referrals: referrals(links.map((link) => ({ referrerId: link.referred_by_id as string, referredId: link.id as string, referredBought: buyers.has(link.id as string) })), customers.map((row) => row.person_id as string)),
    };
  }

  /** Cohort retention by first-purchase month and month-over-month retention and churn, from paid orders. */
  async retention(ctx: RequestContext, scope: Scope): Promise<{ cohorts: CohortRow[]; monthly: PeriodRetention[] }> {
    await this.#checkScope(ctx, scope);
    const until = scope.to ? new Date(Date.parse(scope.to) - 1).toISOString() : new Date().toISOString();
    // The months each customer bought in (up to `until`); over each customer's months, their
    // first and the one before; then customers counted per (first month, month), with how many
    // of them bought in the month before too.
    const month = monthOf('t.ordered_at');
    const bought = this.#paidOrders(ctx, scope).where(month, '<=', until.slice(0, 7)).select(['t.person_id', month.as('month')]).groupBy(['t.person_id', month]);
    const index = (column: string) => sql<number>`(cast(substr(${sql.ref(column)}, 1, 4) as integer) * 12 + cast(substr(${sql.ref(column)}, 6, 2) as integer))`;
    const months = ctx.db.selectFrom(bought.as('b')).select([
      'b.month', index('b.month').as('position'),
      sql<string>`min(b.month) over (partition by b.person_id)`.as('first'),
      sql<number>`lag(${index('b.month')}) over (partition by b.person_id order by b.month)`.as('previous'),
    ]);
    const rows = await ctx.db.selectFrom(months.as('m')).groupBy(['m.first', 'm.month'])
      .select(['m.first', 'm.month', (eb) => eb.fn.countAll().as('n'), sql<number>`sum(case when m.previous = m.position - 1 then 1 else 0 end)`.as('kept')]).execute();
    const perMonth = (pick: (row: (typeof rows)[number]) => number) => {
      const totals = new Map<string, number>();
      for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + pick(row));
      return [...totals].map(([key, customers]) => ({ month: key, customers }));
    };
    return cohortsOfCounts({
      cohorts: rows.map((row) => ({ first: row.first, month: row.month, customers: Number(row.n) })),
      buyers: perMonth((row) => Number(row.n)),
      retained: perMonth((row) => Number(row.kept)),
    }, until);
  }

  /**
   * Profit per customer (revenue − cost of goods − cost to serve) over the period, the whale
   * curve, and RFM segments. Needs the order cost the caller's role may be hiding.
   */
  async profitability(ctx: RequestContext, scope: Scope, options: { supportHourlyCost: number; asOf?: string }): Promise<ProfitabilityReport> {
    await this.#checkScope(ctx, scope);
    if (!seesCosts(ctx)) throw new Forbidden('profitability needs order costs, which your role does not see');
    const sales = await this.#paidOrders(ctx, scope).groupBy('t.person_id').select((eb) => [
      't.person_id', eb.fn.sum('t.total').as('revenue'), eb.fn.sum('t.cost_total').as('cost'), eb.fn.countAll().as('orders'), eb.fn.max('t.ordered_at').as('last'),
    ]).orderBy('t.person_id').execute();
    let support = fromObject(ctx, ctx.objects.get('cases')!).where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null);
    if (scope.from) support = support.where('t.opened_at', '>=', scope.from);
    if (scope.to) support = support.where('t.opened_at', '<', scope.to);
    const supportRows = await this.#inScope(ctx, scope, support).groupBy('t.person_id').select((eb) => ['t.person_id', eb.fn.sum('t.support_minutes').as('minutes')]).execute();
    // Each member's share of the actual cost of their campaigns that started in the period, as
    // their metrics take it (over all the campaign's members, not those in scope: a segment bears
    // its members' shares, not the whole cost of every campaign one of them was in), summed per
    // person by the database against a list of the costed campaigns' shares.
    const perMember = [...(await costPerMember(ctx, await refittedCampaignSizes(ctx), undefined, scope))].filter(([, share]) => share !== 0);
    // (A batch per 10,000 campaigns; its rows, one per member — a million in a large workspace —
    // are kept as they come: spread into one array they would overflow the call stack.)
    const shares: Record<string, unknown>[][] = [];
    for (let i = 0; i < perMember.length; i += 10_000) {
      const list = ctx.dialect.typedValues(perMember.slice(i, i + 10_000), ['text', 'float']);
      shares.push(await this.#inScope(ctx, scope, fromObject(ctx, ctx.objects.get('campaignMembers')!)
        .innerJoin(sql`(${list})`.as('v'), 'v.column1', 't.campaign_id').where('t.deleted_at', 'is', null))
        .groupBy('t.person_id').select(['t.person_id', sql<number>`sum(v.column2)`.as('share')]).execute());
    }

    const ledgers = new Map<string, { customerId: string; revenue: number; costOfGoods: number; supportMinutes: number; campaignCost: number; orders: number; lastOrder: string }>();
    const ledger = (id: string) => {
      let entry = ledgers.get(id);
      if (!entry) ledgers.set(id, (entry = { customerId: id, revenue: 0, costOfGoods: 0, supportMinutes: 0, campaignCost: 0, orders: 0, lastOrder: '' }));
      return entry;
    };
    for (const row of sales) Object.assign(ledger(row.person_id), { revenue: Number(row.revenue ?? 0), costOfGoods: Number(row.cost ?? 0), orders: Number(row.orders), lastOrder: row.last });
    for (const row of supportRows) ledger(row.person_id).supportMinutes += Number(row.minutes ?? 0);
    for (const row of shares.flat()) ledger(row.person_id as string).campaignCost += Number(row.share);

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
}
