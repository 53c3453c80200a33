// The web app: the built single-page app (packages/web/dist) served at `/`, with every other
// page path answered by its index.html so that the app's router takes over. API paths, /docs,
// /healthz, /readyz, /metrics and /openapi.json keep their own routes. Without a build, `/` is a
// short page pointing at the API reference.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerNotFound } from '../../http/problem.js';

/** Where `npm run build` puts the web app. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style></head>
<body><h1>Rapport</h1><p>The API is running. The web app is not built: run <code>npm run build</code>.</p>
<ul><li><a href="/docs">API reference</a> — try requests with an API key</li><li><a href="/openapi.json">OpenAPI document</a></li>
<li><a href="/healthz">Health</a> · <a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></li></ul></body></html>`;

/** Paths that are never pages of the app. */
const NOT_PAGES = /^\/(api|docs|healthz|readyz|metrics|openapi\.json|assets)(\/|$|\?)/;

/** Registers the web app on the root instance (it owns the root not-found handler: pages fall back to the app). */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const built = existsSync(join(dist, 'index.html'));
  const index = built ? readFileSync(join(dist, 'index.html'), 'utf8') : NOT_BUILT;
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  if (built) {
    await app.register(fastifyStatic, { root: join(dist, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isPage = request.method === 'GET' && !NOT_PAGES.test(request.url) && (request.headers.accept ?? '').includes('text/html');
    return isPage ? sendIndex(reply) : answerNotFound(request, reply);
  });
}
