// Operational endpoints, public by design: liveness, readiness (checks the database) and metrics.
import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Database } from '../../db/database.js';

const Status = Type.Object({ status: Type.String() });

/** The front page until the web app is served here: where to go next. */
const FRONT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style></head>
<body><h1>Rapport</h1><p>The API is running. The web app is not part of this build yet.</p>
<ul><li><a href="/docs">API reference</a> — try requests with an API key</li><li><a href="/openapi.json">OpenAPI document</a></li>
<li><a href="/healthz">Health</a> · <a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></li></ul></body></html>`;

export function systemRoutes(database: Database, metrics: Registry): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(FRONT_PAGE));

    app.get('/healthz', { schema: { tags: ['system'], summary: 'The process is up', response: { 200: Status } } }, async () => ({ status: 'ok' }));

    app.get('/readyz', {
      schema: { tags: ['system'], summary: 'The database answers', response: { 200: Status, 503: Status } },
    }, async (request, reply) => {
      try {
        await database.ping();
        return { status: 'ok' };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'database unreachable' });
      }
    });

    app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics', response: { 200: { type: 'string' } } } }, async (_request, reply) =>
      reply.type(metrics.contentType).send(await metrics.metrics()));
  };
}
