// GET /api/v1/objects/{object}/{id}/timeline
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { Id, ObjectName } from '../../http/conventions.js';
import { MAX_LIMIT } from '../../engine/list-query.js';
import type { TimelineService } from './service.js';

const Params = Type.Object({ object: ObjectName, id: Id });
export const TimelineQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  kinds: Type.Optional(Type.String({ description: 'Comma-separated kinds to include: interaction, note, task, deal, case, order, surveyResponse, change' })),
}, { additionalProperties: false });

export function timelineRoutes(timeline: TimelineService): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof TimelineQuery> }>('/objects/:object/:id/timeline', { config: { access: { object: ':object', action: 'read' } },
      schema: { hide: true, params: Params, querystring: TimelineQuery },
    }, (request) => timeline.page(request.ctx, request.params.object, request.params.id, {
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
      kinds: request.query.kinds?.split(',').map((kind) => kind.trim()).filter(Boolean),
    }));
  };
}
