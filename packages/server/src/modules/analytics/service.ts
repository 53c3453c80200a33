// Relationship analytics over the workspace's records (SPEC §7), computed with the pure maths of
// `@rapport/core` from rows read through the caller's context: workspace scope, record
// visibility and field hiding apply as everywhere else.
// So far: satisfaction (CSAT, NPS, monthly series, by agent) and loyalty (repeat purchases,
// frequency, gaps, tenure, returning revenue) for the workspace, a segment of people (any
// filter), a person or a company, over a period.
import { csat, loyalty, nps, people, type CsatSummary, type LoyaltySummary, type NpsSummary } from '@rapport/core';
import type { SelectQueryBuilder } from 'kysely';
import type { RequestContext } from '../../engine/context.js';
import { compileFilter } from '../../engine/filter-sql.js';
import { parseRecordFilter } from '../../engine/list-query.js';
import { fromObject, getRecord } from '../../engine/read.js';
import { NotFound, ValidationFailed } from '../../errors.js';

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
  async loyalty(ctx: RequestContext, scope: Scope): Promise<LoyaltySummary> {
    await this.#checkScope(ctx, scope);
    const orders = ctx.objects.get('orders')!;
    let query = fromObject(ctx, orders).select(['t.person_id', 't.ordered_at', 't.total'])
      .where('t.deleted_at', 'is', null).where('t.person_id', 'is not', null).where('t.status', 'not in', ['cancelled', 'refunded']);
    if (scope.from) query = query.where('t.ordered_at', '>=', scope.from);
    if (scope.to) query = query.where('t.ordered_at', '<', scope.to);
    query = this.#inScope(ctx, scope, query);
    const rows = await query.execute();
    return loyalty(rows.map((row) => ({ customerId: row.person_id, at: row.ordered_at, revenue: Number(row.total ?? 0) })), scope.to ?? new Date().toISOString());
  }

  async #checkScope(ctx: RequestContext, scope: Scope): Promise<void> {
    if (scope.from && scope.to && scope.from >= scope.to) throw new ValidationFailed([{ field: 'from', message: 'must be before to' }]);
    // A person's or company's figures are theirs to see only if the record is.
    for (const [object, id] of [['people', scope.personId], ['companies', scope.companyId]] as const) {
      if (id && !(await getRecord(ctx, ctx.objects.get(object)!, id, { fields: [] }))) throw new NotFound(`no ${object === 'people' ? 'person' : 'company'} with id ${id}`);
    }
  }

  /** Restricts rows with a `person_id` to the scope's people: one person, a company's, or a segment. */
  #inScope<Q extends SelectQueryBuilder<any, any, any>>(ctx: RequestContext, scope: Scope, query: Q): Q {
    if (scope.personId) return query.where('t.person_id', '=', scope.personId) as Q;
    if (!scope.filter && !scope.companyId) return query;
    const definition = ctx.objects.get('people') ?? people;
    let segment = fromObject(ctx, definition).select('t.id').where('t.deleted_at', 'is', null);
    if (scope.filter) segment = segment.where(compileFilter(ctx.db, ctx.dialect, definition, parseRecordFilter(definition, ctx.objects, scope.filter)));
    if (scope.companyId) segment = segment.where('t.company_id', '=', scope.companyId);
    return query.where('t.person_id', 'in', segment) as Q;
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
