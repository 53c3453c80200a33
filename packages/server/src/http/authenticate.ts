// Authentication and authorisation of every /api/v1 request.
//
// Who: a Bearer API key (a service user with a role and scopes) or the session cookie of a
// signed-in user. The workspace comes only from that credential, never from the request.
// CSRF: a cookie-authenticated write must carry an Origin header naming this server (browsers
// send it on every cross-site and same-site fetch that writes); API keys are not sent by
// browsers on their own, so Bearer requests need no such check.
// What: every route declares `config.access` — `public`, `authenticated`, `admin`, or
// `{ object, action }` — and is refused with 403 when the caller's role (narrowed by key scopes)
// does not allow it. A route without a declaration cannot be registered.
import type { Action } from '@rapport/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../engine/context.js';
import { Forbidden, Unauthorized } from '../errors.js';
import type { AccessService } from '../modules/access/service.js';
import type { ApiKeyService } from '../modules/auth/api-keys.js';
import { SESSION_COOKIE, type SessionInfo, type SessionService } from '../modules/auth/sessions.js';
import type { WorkspaceService } from '../modules/workspaces/service.js';

type ActionRule = Action | readonly Action[] | ((request: FastifyRequest) => Action | readonly Action[]);

/** What a route requires. `:object` stands for the route's `object` parameter. */
export type RouteAccess = 'public' | 'authenticated' | 'admin' | { object: string; action: ActionRule };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the workspace requires two-factor and the user has not enrolled yet. */
    allowsTwoFactorEnrolment?: boolean;
  }
  interface FastifyRequest {
    /** Set by authentication on every non-public /api/v1 route. */
    ctx: RequestContext;
    /** The signed-in session, when the caller came with the session cookie. */
    session: SessionInfo | null;
  }
}

export class TwoFactorEnrolmentRequired extends Forbidden {
  override readonly code = 'two-factor-enrolment-required';
  override readonly title = 'This workspace requires two-factor sign-in';
}

export class CrossSiteRequest extends Forbidden {
  override readonly code = 'cross-site-request';
  override readonly title = 'Refused: the request did not come from this site';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticationDeps {
  apiKeys: ApiKeyService;
  sessions: SessionService;
  workspaces: WorkspaceService;
  access: AccessService;
  /** The origin browsers use for this server (PUBLIC_URL); the request's own Host is accepted too. */
  publicUrl: string;
}

/** Whether an Origin header names this server. */
function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || !URL.canParse(origin)) return false;
  const { host, origin: normalised } = new URL(origin);
  return normalised === publicUrl || host === request.headers.host;
}

/** The actions a route's rule asks for on this request. */
function actionsOf(rule: ActionRule, request: FastifyRequest): readonly Action[] {
  const actions = typeof rule === 'function' ? rule(request) : rule;
  return typeof actions === 'string' ? [actions] : actions;
}

export function authenticate(app: FastifyInstance, deps: AuthenticationDeps) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`${route.method} ${route.url} declares no access (config.access)`);
  });

  const identify = async (request: FastifyRequest): Promise<boolean> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new Unauthorized('send an API key in the Authorization header: Bearer <key>');
      const key = await deps.apiKeys.verify(match[1]);
      if (!key) throw new Unauthorized('the API key is unknown, revoked or expired');
      const access = await deps.access.accessFor(key.workspaceId, { role: key.role, scopes: key.scopes });
      request.ctx = await deps.workspaces.contextFor({ id: key.workspaceId, metadataVersion: key.metadataVersion, defaultCurrency: key.defaultCurrency }, `apiKey:${key.keyId}`, access);
      return true;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return false;
    const session = await deps.sessions.verify(token);
    if (!session) return false;
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request, deps.publicUrl)) {
      throw new CrossSiteRequest('a signed-in write must come from this site (its Origin header did not match)');
    }
    const access = await deps.access.accessFor(session.workspaceId, { role: session.role, userId: session.userId });
    request.session = session;
    request.ctx = await deps.workspaces.contextFor({ id: session.workspaceId, metadataVersion: session.metadataVersion, defaultCurrency: session.defaultCurrency }, `user:${session.userId}`, access);
    return true;
  };

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.access;
    if (rule === 'public') {
      // Public routes still see a valid session (accepting an invitation with an existing account).
      await identify(request).catch(() => false);
      return;
    }
    if (!(await identify(request))) throw new Unauthorized('sign in, or send an API key in the Authorization header: Bearer <key>');
    const session = request.session;
    if (session?.workspaceRequiresTwoFactor && !session.userHasTwoFactor && !request.routeOptions.config.allowsTwoFactorEnrolment) {
      throw new TwoFactorEnrolmentRequired('turn on two-factor sign-in first: POST /api/v1/auth/two-factor/enrol');
    }
  });

  app.addHook('preHandler', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule || rule === 'public' || rule === 'authenticated') return;
    const { access } = request.ctx;
    if (rule === 'admin') {
      if (!access.isAdmin) throw new Forbidden('only admins may do this');
      return;
    }
    const object = rule.object === ':object' ? (request.params as { object?: string }).object ?? '' : rule.object;
    // An unknown object is the route's to answer (404), not a permission question.
    if (rule.object === ':object' && !request.ctx.objects.get(object)) return;
    const refused = actionsOf(rule.action, request).filter((action) => !access.can(object, action));
    if (refused.length) throw new Forbidden(`your role (${access.role.label}) may not ${refused.join(' or ')} ${object}`);
  });
}
