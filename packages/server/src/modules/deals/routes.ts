// /api/v1/deals/{id}/move and /stage-history: pipeline actions beyond plain CRUD.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { expectedVersion, Id, problemResponses, sendRecord } from '../../http/conventions.js';
import type { DealService } from './service.js';

const Params = Type.Object({ id: Id });
const MoveBody = Type.Object({
  stageId: Type.String({ format: 'uuid', description: 'The stage to move to; a won or lost stage closes the deal' }),
  lostReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Required when moving to a lost stage' })),
  wonReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
}, { additionalProperties: false });

const StageVisit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  stageId: Type.String({ format: 'uuid' }),
  fromStageId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  pipelineId: Type.String({ format: 'uuid' }),
  enteredAt: Type.String({ format: 'date-time' }),
  exitedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  timeInStageMs: Type.Integer({ description: 'Time spent in the stage; for the current one, until now' }),
  movedBy: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

export function dealRoutes(deals: DealService): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: Static<typeof Params>; Body: Static<typeof MoveBody> }>('/deals/:id/move', { config: { access: { object: 'deals', action: 'update' } },
      schema: {
        tags: ['Deals'], summary: 'Move a deal to another stage', operationId: 'moveDeal',
        description: 'Records the stage change with the time spent in the previous stage. Send If-Match to refuse a stale move.',
        params: Params, body: MoveBody,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        response: { 200: { type: 'object', additionalProperties: true, description: 'The deal, as GET /api/v1/objects/deals/{id} returns it' }, ...problemResponses(404, 409, 422) },
      },
    }, async (request, reply) => sendRecord(reply, await deals.move(request.ctx, request.params.id, request.body, expectedVersion(request))));

    app.get<{ Params: Static<typeof Params> }>('/deals/:id/stage-history', { config: { access: { object: 'deals', action: 'read' } },
      schema: {
        tags: ['Deals'], summary: 'The stages a deal went through, with time in each', operationId: 'getDealStageHistory',
        params: Params, response: { 200: Type.Object({ data: Type.Array(StageVisit) }), ...problemResponses(404) },
      },
    }, async (request) => ({ data: await deals.stageHistory(request.ctx, request.params.id) }));
  };
}
