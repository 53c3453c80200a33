// /api/v1/objects/{object}: the record engine over HTTP for every object, standard or custom.
// Thin: parse → engine → reply. These generic routes are hidden from the OpenAPI document,
// which describes one concrete path per object instead (see modules/openapi).
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { MAX_BATCH, type RecordEngine } from '../../engine/engine.js';
import { MAX_LIMIT } from '../../engine/list-query.js';
import { expectedVersion, Id, ObjectName, sendRecord } from '../../http/conventions.js';

const ObjectParams = Type.Object({ object: ObjectName });
const RecordParams = Type.Object({ object: ObjectName, id: Id });
const Fields = Type.String({ description: 'Comma-separated fields to return' });

export const ListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A filter in the filter language, or its JSON form' })),
  sort: Type.Optional(Type.String({ maxLength: 500, description: 'Fields to sort on, comma-separated; - for descending. Default -createdAt' })),
  fields: Type.Optional(Fields),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 4000 })),
  total: Type.Optional(Type.Boolean({ description: 'Also count the records the filter matches' })),
  trashed: Type.Optional(Type.Boolean({ description: 'List the trash instead of live records' })),
}, { additionalProperties: false });

export const BatchBody = Type.Object({
  operation: Type.Union([Type.Literal('create'), Type.Literal('update')]),
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH }),
}, { additionalProperties: false });

export const UpsertBody = Type.Object({
  key: Type.String({ description: 'The unique field records are matched on, such as email' }),
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH }),
}, { additionalProperties: false });

const HistoryQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 })),
  cursor: Type.Optional(Id),
}, { additionalProperties: false });

const hidden = { hide: true } as const;

export function recordRoutes(engine: RecordEngine): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: Static<typeof ObjectParams>; Querystring: Static<typeof ListQuery> }>('/objects/:object', { config: { access: { object: ':object', action: 'read' } },
      schema: { ...hidden, params: ObjectParams, querystring: ListQuery },
    }, (request) => engine.list(request.ctx, request.params.object, request.query));

    app.post<{ Params: Static<typeof ObjectParams> }>('/objects/:object', { config: { access: { object: ':object', action: 'create' } }, schema: { ...hidden, params: ObjectParams } }, async (request, reply) => {
      const record = await engine.create(request.ctx, request.params.object, request.body);
      reply.header('location', `/api/v1/objects/${request.params.object}/${record.id}`);
      return sendRecord(reply, record, 201);
    });

    app.post<{ Params: Static<typeof ObjectParams>; Body: Static<typeof BatchBody> }>('/objects/:object/batch', { config: { access: { object: ':object', action: (request) => ((request.body as { operation?: string } | undefined)?.operation === 'update' ? 'update' : 'create') } },
      schema: { ...hidden, params: ObjectParams, body: BatchBody },
    }, async (request) => {
      const { operation, records } = request.body;
      const data = operation === 'create'
        ? await engine.createMany(request.ctx, request.params.object, records)
        : await engine.updateMany(request.ctx, request.params.object, records);
      return { data };
    });

    app.post<{ Params: Static<typeof ObjectParams>; Body: Static<typeof UpsertBody> }>('/objects/:object/upsert', { config: { access: { object: ':object', action: ['create', 'update'] } },
      schema: { ...hidden, params: ObjectParams, body: UpsertBody },
    }, async (request) => ({ data: await engine.upsert(request.ctx, request.params.object, request.body.key, request.body.records) }));

    app.get<{ Params: Static<typeof RecordParams>; Querystring: { fields?: string } }>('/objects/:object/:id', { config: { access: { object: ':object', action: 'read' } },
      schema: { ...hidden, params: RecordParams, querystring: Type.Object({ fields: Type.Optional(Fields) }, { additionalProperties: false }) },
    }, async (request, reply) => sendRecord(reply, await engine.get(request.ctx, request.params.object, request.params.id, request.query)));

    app.patch<{ Params: Static<typeof RecordParams> }>('/objects/:object/:id', { config: { access: { object: ':object', action: 'update' } }, schema: { ...hidden, params: RecordParams } }, async (request, reply) =>
      sendRecord(reply, await engine.update(request.ctx, request.params.object, request.params.id, request.body, expectedVersion(request))));

    app.delete<{ Params: Static<typeof RecordParams> }>('/objects/:object/:id', { config: { access: { object: ':object', action: 'delete' } }, schema: { ...hidden, params: RecordParams } }, async (request, reply) =>
      sendRecord(reply, await engine.delete(request.ctx, request.params.object, request.params.id, expectedVersion(request))));

    app.post<{ Params: Static<typeof RecordParams> }>('/objects/:object/:id/restore', { config: { access: { object: ':object', action: 'delete' } }, schema: { ...hidden, params: RecordParams } }, async (request, reply) =>
      sendRecord(reply, await engine.restore(request.ctx, request.params.object, request.params.id, expectedVersion(request))));

    app.get<{ Params: Static<typeof RecordParams>; Querystring: Static<typeof HistoryQuery> }>('/objects/:object/:id/history', { config: { access: { object: ':object', action: 'read' } },
      schema: { ...hidden, params: RecordParams, querystring: HistoryQuery },
    }, (request) => engine.history(request.ctx, request.params.object, request.params.id, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));
  };
}
