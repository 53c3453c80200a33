// /api/v1/analytics/…: figures over many records. Reading them needs `read` on analytics (and
// on people for a person's or company's figures); the rows behind them are read with the
// caller's visibility.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { Id } from '../../http/conventions.js';
import type { AnalyticsService } from './service.js';

const Period = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the period (exclusive)' })),
};
const SegmentQuery = Type.Object({
  ...Period,
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A segment of people in the filter language' })),
}, { additionalProperties: false });
const PeriodQuery = Type.Object(Period, { additionalProperties: false });
/** What an hour of support costs when the caller does not say: 40.00 in the workspace's currency. */
const DEFAULT_SUPPORT_HOURLY_COST = 4000;
const ProfitabilityQuery = Type.Object({
  ...Period,
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A segment of people in the filter language' })),
  supportHourlyCost: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Cost of an hour of support, minor units (default 4000)' })),
}, { additionalProperties: false });
const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export function analyticsRoutes(analytics: AnalyticsService): FastifyPluginAsync {
  const tags = ['Analytics'];
  return async (app) => {
    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/satisfaction', {
      schema: { tags, summary: 'CSAT and NPS with intervals, monthly and by agent, for the workspace or a segment of people', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => analytics.satisfaction(request.ctx, request.query));

    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/loyalty', {
      schema: { tags, summary: 'Repeat-purchase rate, purchase frequency, inter-purchase time, tenure and returning revenue, for the workspace or a segment', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => analytics.loyalty(request.ctx, request.query));

    app.get<{ Querystring: Static<typeof SegmentQuery> }>('/analytics/retention', {
      schema: { tags, summary: 'The cohort retention matrix by first-purchase month, and month-over-month retention and churn', querystring: SegmentQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => analytics.retention(request.ctx, request.query));

    app.get<{ Querystring: Static<typeof ProfitabilityQuery> }>('/analytics/profitability', {
      schema: { tags, summary: 'Profit per customer (revenue − cost of goods − cost to serve), the whale curve and RFM segments', querystring: ProfitabilityQuery },
      config: { access: { object: 'analytics', action: 'read' } },
    }, (request) => {
      const { supportHourlyCost, ...scope } = request.query;
      return analytics.profitability(request.ctx, scope, { supportHourlyCost: supportHourlyCost ?? DEFAULT_SUPPORT_HOURLY_COST });
    });

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PeriodQuery> }>('/analytics/people/:id/satisfaction', {
      schema: { tags, summary: "A person's CSAT and NPS", params: IdParams, querystring: PeriodQuery },
      config: { access: { object: 'people', action: 'read' } },
    }, (request) => analytics.satisfaction(request.ctx, { ...request.query, personId: request.params.id }));

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PeriodQuery> }>('/analytics/companies/:id/satisfaction', {
      schema: { tags, summary: "A company's CSAT and NPS (its people's answers)", params: IdParams, querystring: PeriodQuery },
      config: { access: { object: 'companies', action: 'read' } },
    }, (request) => analytics.satisfaction(request.ctx, { ...request.query, companyId: request.params.id }));
  };
}
