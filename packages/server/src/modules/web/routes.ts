// Serves the web app (packages/web/dist) at `/`: its hashed assets with long caching, and its
// index.html for every other page path so that the app's own router answers deep links. API
// paths and unknown files keep their problem+json 404. Without a build the server still starts
// and `/` says how to build the web app.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { answerNotFound } from '../../http/problem.js';

/** packages/web/dist, seen from packages/server/{src,dist}/modules/web. */
export const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Paths that are never pages of the app, even when nothing serves them. */
const NOT_PAGES = /^\/(?:api|docs|openapi\.json|healthz|readyz|metrics|assets)(?:[/?.]|$)/;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style></head>
<body><h1>Rapport</h1><p>The API is running, but the web app is not built: run <code>npm run build</code> and restart the server.</p>
<ul><li><a href="/docs">API reference</a> — try requests with an API key</li><li><a href="/openapi.json">OpenAPI document</a></li>
<li><a href="/healthz">Health</a> · <a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></li></ul></body></html>`;

export interface WebApp {
  /** Whether a built web app was found. */
  isBuilt: boolean;
  routes: FastifyPluginAsync;
  /** The root not-found handler: index.html for page paths, problem+json for the rest. */
  notFound: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  // A path with a file extension asks for a file, not a page.
  return !NOT_PAGES.test(path) && !/\.[A-Za-z0-9]{1,8}$/.test(path);
}


/**
 * The web app found at `root` (a Vite build), or the "not built" front page when it is missing.
 * @example const web = webApp(DEFAULT_WEB_ROOT); await app.register(web.routes);
 */
export function webApp(root: string = DEFAULT_WEB_ROOT): WebApp {
  const isBuilt = existsSync(join(root, 'index.html'));
  if (!isBuilt) {
    return {
      isBuilt,
      routes: async (app) => {
        app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
      },
      notFound: answerNotFound,
    };
  }
  // Read once: the not-found handler lives outside the static plugin's scope, and the page is small.
  const index = readFileSync(join(root, 'index.html'));
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  return {
    isBuilt,
    routes: async (app) => {
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // One route per built file, so no wildcard competes with the API's own 404s.
        wildcard: false,
        index: false,
        cacheControl: false,
        // Built assets carry a content hash in their name; everything else must be revalidated.
        setHeaders: (reply, path) => {
          reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    },
    notFound: (request, reply) => (isPageRequest(request) ? sendIndex(reply) : answerNotFound(request, reply)),
  };
}
