// The OpenAPI 3.1 document and the interactive reference. Routes with schemas document
// themselves through @fastify/swagger; the record routes are added per object. The public
// /openapi.json describes the standard objects; /api/v1/openapi.json is the caller's workspace,
// custom fields and objects included.
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { ObjectDefinition } from '@rapport/core';
import { STANDARD_OBJECTS } from '@rapport/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { objectPaths } from './object-paths.js';

export const API_VERSION = '0.1.0';

type Document = Record<string, any>;

/** Registers @fastify/swagger on the root instance (it must see every route). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: API_VERSION,
        description: 'The REST API of Rapport, an open-source CRM. Every /api/v1 route needs an API key: `Authorization: Bearer <key>`. Errors are RFC 9457 problem+json.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created with `rapport apikey create`' } } },
      security: [{ apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
}

/** The document for a set of objects, built on the routes' own document. */
export function documentFor(base: Document, objects: readonly ObjectDefinition[]): Document {
  const { paths, schemas } = objectPaths(objects);
  const document = structuredClone(base);
  document.paths = { ...paths, ...document.paths };
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Document>>)) {
    if (!path.startsWith('/api/v1/')) for (const operation of Object.values(operations)) operation.security = [];
  }
  return document;
}

const CACHE_SIZE = 200;

export function openApiRoutes(app: FastifyInstance): { publicRoutes: FastifyPluginAsync; apiRoutes: FastifyPluginAsync } {
  const cache = new Map<string, Document>();
  const base = () => app.swagger() as unknown as Document;
  const cached = (key: string, build: () => Document) => {
    let document = cache.get(key);
    if (!document) {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      document = build();
      cache.set(key, document);
    }
    return document;
  };
  return {
    publicRoutes: async (scope) => {
      const standard = () => cached('standard', () => documentFor(base(), STANDARD_OBJECTS));
      scope.get('/openapi.json', { schema: { hide: true } }, async () => standard());
      await scope.register(scalar, { routePrefix: '/docs', logLevel: 'warn', configuration: { content: standard, title: 'Rapport API' } });
    },
    apiRoutes: async (scope) => {
      scope.get('/openapi.json', {
        config: { access: 'authenticated' },
        schema: { tags: ['meta'], summary: 'The OpenAPI document of this workspace, custom fields and objects included' },
      }, async (request) => cached(`${request.ctx.workspaceId}:${request.ctx.objects.version}:${request.ctx.access.viewKey}`, () => documentFor(base(), request.ctx.objects.list())));
    },
  };
}
