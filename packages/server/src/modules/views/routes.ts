// /api/v1/views: saved views of list pages. Thin: parse → service → reply. Every signed-in
// member may call these; the service decides per object and per view (reading the object,
// sharing, another member's personal view).
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { expectedVersion, problemResponses, sendRecord } from '../../http/conventions.js';
import { NewView, View, ViewChange, ViewList, ViewListQuery, ViewParams } from './schema.js';
import type { ViewService } from './service.js';

const tags = ['Views'];
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });

export function viewRoutes(views: ViewService): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof ViewListQuery> }>('/views', { config: { access: 'authenticated' },
      schema: {
        tags, operationId: 'listViews', summary: 'The caller’s own saved views of an object and the workspace’s shared ones',
        querystring: ViewListQuery, response: { 200: ViewList, ...problemResponses(403) },
      },
    }, (request) => views.list(request.ctx, request.query.object));

    app.post<{ Body: NewView }>('/views', { config: { access: 'authenticated' },
      schema: {
        tags, operationId: 'createView', summary: 'Save a view: personal, or shared with the workspace (admins and managers)',
        body: NewView, response: { 201: View, ...problemResponses(403, 422) },
      },
    }, async (request, reply) => {
      const view = await views.create(request.ctx, request.body);
      reply.header('location', `/api/v1/views/${view.id}`);
      return sendRecord(reply, view, 201);
    });

    app.get<{ Params: Static<typeof ViewParams> }>('/views/:id', { config: { access: 'authenticated' },
      schema: { tags, operationId: 'getView', summary: 'One saved view', params: ViewParams, response: { 200: View, ...problemResponses(404) } },
    }, async (request, reply) => sendRecord(reply, await views.get(request.ctx, request.params.id)));

    app.patch<{ Params: Static<typeof ViewParams>; Body: ViewChange }>('/views/:id', { config: { access: 'authenticated' },
      schema: {
        tags, operationId: 'updateView', summary: 'Change a saved view', description: 'Send If-Match (or `version`) to refuse a stale change with 409.',
        params: ViewParams, headers: IfMatch, body: ViewChange, response: { 200: View, ...problemResponses(403, 404, 409, 422) },
      },
    }, async (request, reply) => sendRecord(reply, await views.update(request.ctx, request.params.id, request.body, expectedVersion(request))));

    app.delete<{ Params: Static<typeof ViewParams> }>('/views/:id', { config: { access: 'authenticated' },
      schema: {
        tags, operationId: 'deleteView', summary: 'Delete a saved view',
        params: ViewParams, headers: IfMatch, response: { 204: Type.Null(), ...problemResponses(403, 404, 409) },
      },
    }, async (request, reply) => {
      await views.delete(request.ctx, request.params.id, expectedVersion(request));
      return reply.status(204).send();
    });
  };
}
