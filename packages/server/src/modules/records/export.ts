// GET /api/v1/objects/{object}/export: the records a list shows (same filter, sort and field
// selection), every page of them, as CSV. Needs `export` on the object; fields hidden from the
// caller's role are not columns; each export is audited with its filter.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import type { RecordEngine } from '../../engine/engine.js';
import { MAX_LIMIT } from '../../engine/list-query.js';
import { ObjectName } from '../../http/conventions.js';
import type { AuditService } from '../audit/service.js';

const ExportQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 10000, description: 'A filter in the filter language, or its JSON form' })),
  sort: Type.Optional(Type.String({ maxLength: 500, description: 'Fields to sort on, comma-separated; - for descending. Default -createdAt' })),
  fields: Type.Optional(Type.String({ maxLength: 4000, description: 'Comma-separated fields, in column order; default every field you may read' })),
}, { additionalProperties: false });

/**
 * A cell: lists and objects as JSON; text that a spreadsheet would run as a formula (= + - @ and
 * control characters first, OWASP's CSV-injection advice) is prefixed with an apostrophe.
 */
function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function exportRoutes(engine: RecordEngine, audit: AuditService): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { object: string }; Querystring: Static<typeof ExportQuery> }>('/objects/:object/export', {
      config: { access: { object: ':object', action: 'export' } },
      schema: { hide: true, params: Type.Object({ object: ObjectName }), querystring: ExportQuery },
    }, async (request, reply) => {
      const { ctx } = request;
      const { object } = request.params;
      const definition = engine.definition(ctx, object);
      const columns = request.query.fields?.split(',').map((name) => name.trim()).filter(Boolean) ?? definition.fields.map((field) => field.name);
      const query = { filter: request.query.filter, sort: request.query.sort, fields: columns.join(','), limit: MAX_LIMIT };
      // The first page before any byte is sent: a bad filter, sort or field is still a 400.
      const first = await engine.list(ctx, object, query);
      await audit.record(ctx.workspaceId, { action: 'record.exported', actor: ctx.actor, ip: request.ip, targetType: object, details: { filter: query.filter ?? null, fields: columns } });
      async function* rows() {
        yield columns;
        let page = first;
        for (;;) {
          for (const record of page.data) yield columns.map((column) => cell(record[column]));
          if (!page.nextCursor) return;
          page = await engine.list(ctx, object, { ...query, cursor: page.nextCursor });
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${object}-${stamp}.csv"`);
      return reply.send(Readable.from(rows()).pipe(stringify()));
    });
  };
}
