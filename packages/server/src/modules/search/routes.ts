// GET /api/v1/search?q=…: the global search (Ctrl/Cmd-K in the web app). Any signed-in member;
// what each finds depends on what their role reads.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import type { RecordEngine } from '../../engine/engine.js';
import { ValidationFailed } from '../../errors.js';
import { search } from './service.js';

const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'Text to look for (case-insensitive, anywhere in the field)' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5, description: 'Records per object' })),
  objects: Type.Optional(Type.String({ maxLength: 1000, description: 'Comma-separated objects to search; default every object you may read' })),
}, { additionalProperties: false });

const Hit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  match: Type.Union([Type.Object({ field: Type.String(), label: Type.String(), value: Type.Unknown() }), Type.Null()]),
});
const Group = Type.Object({ object: Type.String(), label: Type.String(), records: Type.Array(Hit) });

export function searchRoutes(engine: RecordEngine): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof SearchQuery> }>('/search', {
      config: { access: 'authenticated' },
      schema: { tags: ['search'], operationId: 'search', summary: 'Records of every readable object whose name, email, phone or other searchable field contains the text', querystring: SearchQuery, response: { 200: Type.Object({ data: Type.Array(Group) }) } },
    }, async (request) => {
      const { q, limit = 5 } = request.query;
      if (q.trim() === '') throw new ValidationFailed([{ field: 'q', message: 'must contain more than spaces' }]);
      const objects = request.query.objects?.split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = objects?.filter((name) => !request.ctx.objects.get(name));
      if (unknown?.length) throw new ValidationFailed([{ field: 'objects', message: `unknown object ${JSON.stringify(unknown[0])}` }]);
      return { data: await search(request.ctx, engine, q, { limit, objects }) };
    });
  };
}
