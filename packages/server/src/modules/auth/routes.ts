// /api/v1/auth/…: sign-up, sign-in (with two-factor), sign-out (here or everywhere), the signed-in
// user, workspace switch, two-factor enrolment, password reset, and accepting invitations.
// Sign-in and reset are rate-limited per account and per address (429 with Retry-After).
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { TooManyRequests, Unauthorized } from '../../errors.js';
import type { AccessService } from '../access/service.js';
import type { InvitationService } from './invitations.js';
import type { PasswordResetService } from './password-reset.js';
import { AcceptBody, CodeBody, ResetBody, ResetRequestBody, SignInBody, SignUpBody, SwitchBody, TokenParams } from './schema.js';
import { TwoFactorRequired, type AuthService, type SignedIn } from './service.js';
import { SESSION_COOKIE, SESSION_MAX_MS, type ClientInfo } from './sessions.js';
import type { TwoFactorService } from './two-factor.js';
import type { UserService } from './users.js';

export interface AuthRouteDeps {
  auth: AuthService;
  users: UserService;
  twoFactor: TwoFactorService;
  passwordReset: PasswordResetService;
  invitations: InvitationService;
  access: AccessService;
  cookieSecure: boolean;
}

/** Attempts per minute before 429: per account, and per address (several accounts from one place). */
export const SIGN_IN_LIMIT = { perAccount: 10, perAddress: 30, windowMs: 60_000 };
const RESET_LIMIT = { perAccount: 3, perAddress: 10, windowMs: 15 * 60_000 };

function client(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/**
 * Limits attempts per address (every attempt counts) and failed attempts per account: past
 * either limit, 429 with Retry-After until the window passes, whatever the password.
 */
function limiter(app: FastifyInstance, limit: { perAccount: number; perAddress: number; windowMs: number }) {
  const byAddress = app.createRateLimit({ max: limit.perAddress, timeWindow: limit.windowMs, keyGenerator: (request) => `address:${request.ip}` });
  const failures = app.createRateLimit({ max: limit.perAccount, timeWindow: limit.windowMs, keyGenerator: (request) => `account:${accountOf(request)}` });
  /** Accounts whose failures reached the limit, until when. */
  const lockedUntil = new Map<string, number>();
  const refuse = (what: string, seconds: number) => new TooManyRequests(`too many attempts for this ${what}; wait ${Math.ceil(seconds)} s`, seconds);
  return {
    check: async (request: FastifyRequest) => {
      const address = await byAddress(request);
      if (!address.isAllowed && address.isExceeded) throw refuse('address', address.ttlInSeconds);
      const until = lockedUntil.get(accountOf(request)) ?? 0;
      if (until > Date.now()) throw refuse('account', (until - Date.now()) / 1000);
    },
    /** Counts a failure; the one that reaches the limit locks the account for the rest of the window. */
    failed: async (request: FastifyRequest) => {
      const result = await failures(request);
      if (!result.isAllowed && result.remaining === 0) {
        if (lockedUntil.size > 100_000) lockedUntil.clear();
        lockedUntil.set(accountOf(request), Date.now() + result.ttl);
      }
    },
  };
}

function accountOf(request: FastifyRequest): string {
  return String((request.body as { email?: string } | undefined)?.email ?? '').trim().toLowerCase();
}

/** Runs `attempt`, counting a refused credential as a failure. */
async function counted<T>(limits: ReturnType<typeof limiter>, request: FastifyRequest, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    const askedForCode = error instanceof TwoFactorRequired && !(request.body as { code?: string }).code;
    if (error instanceof Unauthorized && !askedForCode) await limits.failed(request);
    throw error;
  }
}

export function authRoutes(deps: AuthRouteDeps): FastifyPluginAsync {
  const { auth, users, twoFactor, passwordReset, invitations } = deps;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, maxAge: SESSION_MAX_MS / 1000 });
  const signedIn = (reply: FastifyReply, result: SignedIn, status = 200) => {
    setCookie(reply, result.token);
    const { token: _token, ...body } = result;
    return reply.status(status).send(body);
  };
  const me = async (request: FastifyRequest) => {
    const session = request.session;
    if (!session) throw new Unauthorized('this is for signed-in users; API keys have no user');
    const user = (await users.byId(session.userId))!;
    const memberships = await users.memberships(user.id);
    const current = memberships.find((m) => m.workspaceId === session.workspaceId)!;
    const { access, objects } = request.ctx;
    return {
      user: { id: user.id, email: user.email, name: user.name, hasTwoFactor: !!user.totpEnabledAt },
      workspace: { id: current.workspaceId, slug: current.slug, name: current.name, requiresTwoFactor: current.requiresTwoFactor },
      role: current.role,
      workspaces: memberships.map((m) => ({ id: m.workspaceId, slug: m.slug, name: m.name, role: m.role })),
      mustEnrolTwoFactor: session.workspaceRequiresTwoFactor && !session.userHasTwoFactor,
      permissions: {
        isAdmin: access.isAdmin,
        objects: Object.fromEntries(objects.list().map((d) => [d.name, (['read', 'create', 'update', 'delete', 'import', 'export'] as const).filter((a) => access.can(d.name, a))])),
        visibility: Object.fromEntries(objects.list().map((d) => [d.name, d.ownerField ? access.visibility(d.name) : 'all'])),
        hiddenFields: Object.fromEntries(objects.list().map((d) => [d.name, access.hiddenFields(d.name)]).filter(([, hidden]) => hidden.length)),
      },
    };
  };
  const signedInOnly = (request: FastifyRequest) => {
    if (!request.session) throw new Unauthorized('this is for signed-in users; API keys have no user');
    return request.session;
  };
  const tags = ['Authentication'];

  return async (app) => {
    const signInLimits = limiter(app, SIGN_IN_LIMIT);
    const resetLimits = limiter(app, RESET_LIMIT);

    app.post<{ Body: Static<typeof SignUpBody> }>('/auth/sign-up', {
      schema: { tags, summary: 'Create an account and a workspace; signs in', body: SignUpBody },
      config: { access: 'public' }, preHandler: signInLimits.check,
    }, async (request, reply) => signedIn(reply, await auth.signUp(request.body, client(request)), 201));

    app.post<{ Body: Static<typeof SignInBody> }>('/auth/sign-in', {
      schema: { tags, summary: 'Sign in with email and password (and a two-factor code when on)', body: SignInBody },
      config: { access: 'public' }, preHandler: signInLimits.check,
    }, async (request, reply) => signedIn(reply, await counted(signInLimits, request, () => auth.signIn(request.body, client(request)))));

    app.post('/auth/sign-out', {
      schema: { tags, summary: 'End this session' }, config: { access: 'authenticated', allowsTwoFactorEnrolment: true },
    }, async (request, reply) => {
      await auth.signOut(signedInOnly(request), client(request));
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
    });

    app.post('/auth/sign-out-everywhere', {
      schema: { tags, summary: 'End every session of this account, on every device' }, config: { access: 'authenticated', allowsTwoFactorEnrolment: true },
    }, async (request, reply) => {
      const ended = await auth.signOutEverywhere(signedInOnly(request), client(request));
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).send({ ended });
    });

    app.get('/auth/me', {
      schema: { tags, summary: 'The signed-in user, their workspace, role and permissions' }, config: { access: 'authenticated', allowsTwoFactorEnrolment: true },
    }, me);

    app.post<{ Body: Static<typeof SwitchBody> }>('/auth/switch', {
      schema: { tags, summary: 'Open another of your workspaces (a new session)', body: SwitchBody }, config: { access: 'authenticated' },
    }, async (request, reply) => signedIn(reply, await auth.switchWorkspace(signedInOnly(request), request.body.workspace, client(request))));

    app.post('/auth/two-factor/enrol', {
      schema: { tags, summary: 'Start two-factor enrolment: a secret, its otpauth URI and QR code' }, config: { access: 'authenticated', allowsTwoFactorEnrolment: true },
    }, async (request) => twoFactor.enrol((await users.byId(signedInOnly(request).userId))!));

    app.post<{ Body: Static<typeof CodeBody> }>('/auth/two-factor/confirm', {
      schema: { tags, summary: 'Turn two-factor on with a first code; returns recovery codes once', body: CodeBody },
      config: { access: 'authenticated', allowsTwoFactorEnrolment: true },
    }, async (request, reply) => {
      const session = signedInOnly(request);
      const result = await twoFactor.confirm((await users.byId(session.userId))!, request.body.code);
      setCookie(reply, await auth.twoFactorChanged(session, 'twoFactor.enabled', client(request)));
      return result;
    });

    app.post<{ Body: Static<typeof CodeBody> }>('/auth/two-factor/disable', {
      schema: { tags, summary: 'Turn two-factor off (needs a current code)', body: CodeBody }, config: { access: 'authenticated' },
    }, async (request, reply) => {
      const session = signedInOnly(request);
      const user = (await users.byId(session.userId))!;
      if (!(await twoFactor.check(user, request.body.code))) throw new Unauthorized('the code is wrong or expired');
      await twoFactor.disable(user);
      setCookie(reply, await auth.twoFactorChanged(session, 'twoFactor.disabled', client(request)));
      return reply.status(204).send();
    });

    app.post<{ Body: Static<typeof ResetRequestBody> }>('/auth/password-reset', {
      schema: { tags, summary: 'Email a password-reset link (answers the same whether the account exists)', body: ResetRequestBody },
      config: { access: 'public' }, preHandler: resetLimits.check,
    }, async (request, reply) => {
      await resetLimits.failed(request); // every request counts against the account
      await passwordReset.request(request.body.email, client(request));
      return reply.status(202).send({ status: 'if the account exists, a link is on its way' });
    });

    app.post<{ Body: Static<typeof ResetBody> }>('/auth/password-reset/confirm', {
      schema: { tags, summary: 'Set a new password with the emailed token; ends every session', body: ResetBody },
      config: { access: 'public' }, preHandler: resetLimits.check,
    }, async (request, reply) => {
      await passwordReset.reset(request.body.token, request.body.password, client(request));
      return reply.status(204).send();
    });

    app.get<{ Params: Static<typeof TokenParams> }>('/invitations/:token', {
      schema: { tags, summary: 'What an invitation link is for', params: TokenParams }, config: { access: 'public' },
    }, async (request) => {
      const { invitationId: _id, workspaceId: _ws, ...visible } = await invitations.lookup(request.params.token);
      return visible;
    });

    app.post<{ Params: Static<typeof TokenParams>; Body: Static<typeof AcceptBody> }>('/invitations/:token/accept', {
      schema: { tags, summary: 'Accept an invitation: a new account, or the signed-in one', params: TokenParams, body: AcceptBody },
      config: { access: 'public' }, preHandler: signInLimits.check,
    }, async (request, reply) => {
      const joined = await invitations.accept(request.params.token, { ...request.body, signedInUserId: request.session?.userId }, request.ip);
      return signedIn(reply, await auth.startAfterJoining(joined.userId, joined.workspaceId, client(request)), 201);
    });
  };
}
