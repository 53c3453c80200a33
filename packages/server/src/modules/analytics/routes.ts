// /api/v1/analytics/…: figures over many records. Reading them needs `read` on analytics (and
// on people for a person's or company's figures); the rows behind them are read with the
// caller's visibility. Whole-workspace reports may be answered from a snapshot (`snapshots.ts`).
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { Id } from '../../http/conventions.js';
import { enqueue } from '../../engine/jobs.js';
import { getRecord } from '../../engine/read.js';
import { NotFound } from '../../errors.js';
import type { RequestContext } from '../../engine/context.js';
import { RECOMPUTE_ALL_JOB } from './jobs.js';
import type { ReportName } from './service.js';
import type { ReportRequest, ReportSnapshots } from './snapshots.js';
import type { MetricsStore } from './store.js';

const Period = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the period (exclusive)' })),
};
const Fresh = {
  fresh: Type.Optional(Type.Boolean({
    description: 'Compute the report now. Without it, a whole-workspace report that is slow to compute may be answered from its last computation '
      + '(`isSnapshot: true`, `computedAt` says when; a stale one is refreshed in the background).',
  })),
};
const SegmentQuery = Type.Object({
  ...Period,
  ...Fresh,
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A segment of people in the filter language' })),
}, { additionalProperties: false });
const PeriodQuery = Type.Object(Period, { additionalProperties: false });
const ProfitabilityQuery = Type.Object({
  ...Period,
  ...Fresh,
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A segment of people in the filter language' })),
  supportHourlyCost: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Cost of an hour of support, minor units (default 4000)' })),
}, { additionalProperties: false });
const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A customer's stored metrics with their reasons, as the caller's role may see them (profit needs order costs). */
async function metricsOf(ctx: RequestContext, metrics: MetricsStore, object: 'people' | 'companies', id: string) {
  const definition = ctx.objects.get(object)!;
  const found = await getRecord(ctx, definition, id, { fields: [] });
  const stored = found && (await metrics.detail(ctx, object, id));
  if (!stored) throw new NotFound(`no ${object === 'people' ? 'person' : 'company'} with id ${id}`);
  if (ctx.access.hiddenFields(object).includes('clv')) {
    const { clv: _clv, detail, ...rest } = stored;
    return { ...rest, detail: detail && { ...detail, profit: null } };
  }
  return stored;
}

/** The period as ISO instants with milliseconds, as stored: `…T00:00:00Z` and `…T00:00:00.000Z` are one period. */
function normalised<Q extends { from?: string; to?: string }>(query: Q): Q {
  const instant = (value: string | undefined) => {
    const time = value === undefined ? NaN : Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  };
  const result = { ...query };
  if (query.from !== undefined) result.from = instant(query.from);
  if (query.to !== undefined) result.to = instant(query.to);
  return result;
}

export function analyticsRoutes(snapshots: ReportSnapshots, metrics: MetricsStore): FastifyPluginAsync {
  const tags = ['Analytics'];
  const report = (ctx: RequestContext, name: ReportName, query: ReportRequest & { fresh?: boolean }) => {
    const { fresh, ...request } = normalised(query);
    return snapshots.answer(ctx, name, request, { fresh });
  };
  return async (app) => {
    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/satisfaction', {
      schema: { tags, summary: 'CSAT and NPS with intervals, monthly and by agent, for the workspace or a segment of people', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => report(request.ctx, 'satisfaction', request.query));

    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/loyalty', {
      schema: { tags, summary: 'Repeat-purchase rate, purchase frequency, inter-purchase time, tenure, returning revenue and referrals, for the workspace or a segment', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => report(request.ctx, 'loyalty', request.query));

    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/retention', {
      schema: { tags, summary: 'The cohort retention matrix by first-purchase month, and month-over-month retention and churn', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => report(request.ctx, 'retention', request.query));

    app.get<{ Querystring: Static<typeof ProfitabilityQuery> }>('/analytics/profitability', {
      schema: { tags, summary: 'Profit per customer (revenue − cost of goods − cost to serve), the whale curve and RFM segments', querystring: ProfitabilityQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => report(request.ctx, 'profitability', request.query));

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PeriodQuery> }>('/analytics/people/:id/satisfaction', {
      schema: { tags, summary: "A person's CSAT and NPS", params: IdParams, querystring: PeriodQuery },
      config: { access: { object: 'people', action: 'read' } },
    }, (request) => report(request.ctx, 'satisfaction', { ...request.query, personId: request.params.id }));

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PeriodQuery> }>('/analytics/companies/:id/satisfaction', {
      schema: { tags, summary: "A company's CSAT and NPS (its people's answers)", params: IdParams, querystring: PeriodQuery },
      config: { access: { object: 'companies', action: 'read' } },
    }, (request) => report(request.ctx, 'satisfaction', { ...request.query, companyId: request.params.id }));

    app.get<{ Params: Static<typeof IdParams> }>('/analytics/people/:id/metrics', {
      schema: { tags, summary: "A person's relationship strength, satisfaction, RFM, value, churn risk and customer type, with the components and reasons behind them", params: IdParams },
      config: { access: { object: 'people', action: 'read' } },
    }, (request) => metricsOf(request.ctx, metrics, 'people', request.params.id));

    app.get<{ Params: Static<typeof IdParams> }>('/analytics/companies/:id/metrics', {
      schema: { tags, summary: "A company's metrics, pooled from its people, with their reasons", params: IdParams },
      config: { access: { object: 'companies', action: 'read' } },
    }, (request) => metricsOf(request.ctx, metrics, 'companies', request.params.id));

    app.get('/analytics/models', {
      schema: { tags, summary: 'The fitted models of the workspace: RFM cut points, BG/NBD and Gamma-Gamma parameters with their log-likelihood' },
      config: { access: { object: 'analytics', action: 'read' } },
    }, async (request) => ({ models: await metrics.models(request.ctx) }));

    app.post('/analytics/recompute', {
      schema: { tags, summary: 'Refit the models and recompute every customer\'s metrics in the background', response: { 202: Type.Object({ queued: Type.Boolean() }) } },
      config: { access: 'admin' },
    }, async (request, reply) => {
      const ctx = request.ctx;
      await enqueue(ctx, { kind: RECOMPUTE_ALL_JOB, key: ctx.workspaceId });
      return reply.code(202).send({ queued: true });
    });
  };
}
