// The Fastify application: plugins, the error handler, public routes, and the authenticated
// /api/v1 routes of every module.
import Fastify, { type FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { LogLevel } from './config.js';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { authenticate, type RouteAccess } from './http/authenticate.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { ProblemSchema } from './http/conventions.js';
import { answerNotFound, installProblemHandlers } from './http/problem.js';
import { validatorCompiler } from './http/validation.js';
import { settingsRoutes } from './modules/access/routes.js';
import { analyticsRoutes } from './modules/analytics/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { dealRoutes } from './modules/deals/routes.js';
import { metadataRoutes } from './modules/metadata/routes.js';
import { openApiRoutes, registerOpenApi } from './modules/openapi/routes.js';
import { exportRoutes } from './modules/records/export.js';
import { recordRoutes } from './modules/records/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { installMetrics } from './modules/system/metrics.js';
import { systemRoutes } from './modules/system/routes.js';
import { timelineRoutes } from './modules/timeline/routes.js';
import { viewRoutes } from './modules/views/routes.js';
import { webApp } from './modules/web/routes.js';
import type { Services } from './services.js';

export const BODY_LIMIT = 4 * 1024 * 1024;


/** A route of the API with the access it declares (the authorization matrix is built from these). */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Secrets that may travel in a URL (invitation tokens), masked for logs. */
function hideTokens(url: string): string {
  return url.replace(/\b(rp[kspri]_)[A-Za-z0-9_-]+/g, '$1***');
}

export interface AppOptions {
  logLevel?: LogLevel;
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /** The built web app served at `/`; packages/web/dist by default. */
  webRoot?: string;
}

/**
 * Builds the application on already-created services (not listening yet).
 * @example const app = await buildApp(createServices(database)); await app.listen({ port: 3000 });
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        // Invitation links carry their token in the path: it never reaches the log.
        req: (request: { method: string; url: string; id: string; ip?: string }) => ({ id: request.id, method: request.method, url: hideTokens(request.url), remoteAddress: request.ip }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : uuidv7();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api/v1/')) routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.addSchema(ProblemSchema);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const web = webApp(options.webRoot);
  installProblemHandlers(app, web.notFound);
  await app.register(cookie);
  installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  const metrics = installMetrics(app);
  await registerOpenApi(app);
  const openApi = openApiRoutes(app);

  await app.register(systemRoutes(services.database, metrics));
  await app.register(web.routes);
  await app.register(openApi.publicRoutes);
  await app.register(async (api) => {
    authenticate(api, { ...services, publicUrl: services.options.publicUrl });
    api.setNotFoundHandler(answerNotFound); // unknown /api/v1 paths answer 401 before 404
    await api.register(authRoutes({ ...services, cookieSecure: services.options.cookieSecure }));
    await api.register(settingsRoutes(services));
    await api.register(auditRoutes(services.audit));
    await api.register(analyticsRoutes(services.snapshots, services.metrics));
    await api.register(openApi.apiRoutes);
    await api.register(recordRoutes(services.engine));
    await api.register(exportRoutes(services.engine, services.audit));
    await api.register(searchRoutes(services.engine));
    await api.register(timelineRoutes(services.timeline));
    await api.register(dealRoutes(services.deals));
    await api.register(metadataRoutes(services.metadata));
    await api.register(viewRoutes(services.views));
  }, { prefix: '/api/v1' });
  return app;
}
