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
