// Operational endpoints, public by design: liveness, readiness (checks the database) and metrics.
// The front page `/` belongs to the web module.
import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Database } from '../../db/database.js';

const Status = Type.Object({ status: Type.String() });

export function systemRoutes(database: Database, metrics: Registry): FastifyPluginAsync {
  return async (app) => {
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
