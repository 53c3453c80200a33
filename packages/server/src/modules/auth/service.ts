// Signing up, in, out and across workspaces. Every outcome is audited in the workspaces of the
// account concerned; nothing secret (password, code, token) is ever written or logged.
import { BusinessRule, Forbidden, NotFound, Unauthorized } from '../../errors.js';
import type { AuditService } from '../audit/service.js';
import type { WorkspaceService } from '../workspaces/service.js';
import type { ClientInfo, SessionInfo, SessionService } from './sessions.js';
import type { TwoFactorService } from './two-factor.js';
import { checkPasswordStrength, normaliseEmail, type Membership, type UserRow, type UserService } from './users.js';

export class TwoFactorRequired extends Unauthorized {
  override readonly code = 'two-factor-required';
  override readonly title = 'A two-factor code is needed';
}

export interface SignedIn {
  token: string;
  user: { id: string; email: string; name: string; hasTwoFactor: boolean };
  workspace: { id: string; slug: string; name: string };
  role: string;
  workspaces: { id: string; slug: string; name: string; role: string }[];
}

export interface SignInInput {
  email: string;
  password: string;
  code?: string;
  /** The workspace to open; the oldest membership when absent. */
  workspace?: string;
}

export class AuthService {
  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
    private readonly workspaces: WorkspaceService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password (and second factor), then starts a session in one of the user's workspaces.
   * A wrong email and a wrong password get the same answer, in the same time.
   */
  async signIn(input: SignInInput, client: ClientInfo): Promise<SignedIn> {
    const user = await this.users.byEmail(input.email);
    const passwordOk = await this.users.checkPassword(user, input.password);
    const memberships = user ? await this.users.memberships(user.id) : [];
    const fail = async (reason: string, error: Error = new Unauthorized('the email or password is wrong')) => {
      for (const membership of memberships) {
        await this.audit.record(membership.workspaceId, { action: 'signIn.failed', actor: user ? `user:${user.id}` : 'anonymous', ip: client.ip, targetType: 'user', targetId: user?.id, details: { reason } });
      }
      throw error;
    };
    if (!user || !passwordOk) return fail('wrong email or password');
    if (user.totpEnabledAt) {
      if (!input.code) return fail('two-factor code missing', new TwoFactorRequired('enter the code from your authenticator app, or a recovery code'));
      const second = await this.twoFactor.check(user, input.code);
      if (!second) return fail('wrong two-factor code', new TwoFactorRequired('the two-factor code is wrong or expired'));
      if (second === 'recoveryCode') {
        for (const m of memberships) await this.audit.record(m.workspaceId, { action: 'twoFactor.recoveryCodeUsed', actor: `user:${user.id}`, ip: client.ip, targetType: 'user', targetId: user.id });
      }
    }
    const membership = this.#pick(memberships, input.workspace);
    if (!membership) return fail('no workspace', new Forbidden(input.workspace ? `you are not a member of ${input.workspace}` : 'this account belongs to no workspace yet; accept an invitation first'));
    return this.#start(user, membership, memberships, client, 'signIn.succeeded');
  }

  #pick(memberships: Membership[], wanted?: string): Membership | undefined {
    return wanted ? memberships.find((m) => m.slug === wanted || m.workspaceId === wanted) : memberships[0];
  }

  async #start(user: UserRow, membership: Membership, memberships: Membership[], client: ClientInfo, action: 'signIn.succeeded' | 'session.switched' | 'workspace.created' | 'invitation.accepted', previous?: SessionInfo): Promise<SignedIn> {
    const { token } = previous ? await this.sessions.rotate(previous, membership.workspaceId, client) : await this.sessions.create(membership.workspaceId, user.id, client);
    if (action === 'signIn.succeeded' || action === 'session.switched') {
      await this.audit.record(membership.workspaceId, { action, actor: `user:${user.id}`, ip: client.ip, targetType: 'user', targetId: user.id });
    }
    return {
      token,
      user: { id: user.id, email: user.email, name: user.name, hasTwoFactor: !!user.totpEnabledAt },
      workspace: { id: membership.workspaceId, slug: membership.slug, name: membership.name },
      role: membership.role,
      workspaces: memberships.map((m) => ({ id: m.workspaceId, slug: m.slug, name: m.name, role: m.role })),
    };
  }

  /** Creates an account and a workspace with the new user as its admin, and signs them in. */
  async signUp(input: { email: string; name: string; password: string; workspaceName: string; workspaceSlug: string; defaultCurrency?: string }, client: ClientInfo): Promise<SignedIn> {
    checkPasswordStrength(input.password);
    if (await this.users.byEmail(input.email)) throw new BusinessRule('an account with this email exists: sign in, then create the workspace from there');
    const workspace = await this.workspaces.create({ slug: input.workspaceSlug, name: input.workspaceName, defaultCurrency: input.defaultCurrency });
    const { id } = await this.users.addToWorkspace(workspace.id, { email: normaliseEmail(input.email), name: input.name, password: input.password, role: 'admin' });
    await this.audit.record(workspace.id, { action: 'workspace.created', actor: `user:${id}`, ip: client.ip, targetType: 'workspace', targetId: workspace.id, details: { slug: workspace.slug } });
    const user = (await this.users.byId(id))!;
    const memberships = await this.users.memberships(id);
    return this.#start(user, memberships.find((m) => m.workspaceId === workspace.id)!, memberships, client, 'workspace.created');
  }

  /** Opens another of the user's workspaces: a new session (rotated id) in that workspace. */
  async switchWorkspace(session: SessionInfo, workspace: string, client: ClientInfo): Promise<SignedIn> {
    const user = (await this.users.byId(session.userId))!;
    const memberships = await this.users.memberships(user.id);
    const membership = this.#pick(memberships, workspace);
    if (!membership) throw new NotFound(`you are not a member of a workspace ${workspace}`);
    return this.#start(user, membership, memberships, client, 'session.switched', session);
  }

  /** Starts a session right after an invitation made the user a member. */
  async startAfterJoining(userId: string, workspaceId: string, client: ClientInfo): Promise<SignedIn> {
    const user = (await this.users.byId(userId))!;
    const memberships = await this.users.memberships(userId);
    return this.#start(user, memberships.find((m) => m.workspaceId === workspaceId)!, memberships, client, 'invitation.accepted');
  }

  async signOut(session: SessionInfo, client: ClientInfo): Promise<void> {
    await this.sessions.revoke(session.workspaceId, session.sessionId);
    await this.audit.record(session.workspaceId, { action: 'signOut', actor: `user:${session.userId}`, ip: client.ip, targetType: 'user', targetId: session.userId });
  }

  async signOutEverywhere(session: SessionInfo, client: ClientInfo): Promise<number> {
    const ended = await this.sessions.revokeAll(session.userId);
    await this.audit.record(session.workspaceId, { action: 'signOut.everywhere', actor: `user:${session.userId}`, ip: client.ip, targetType: 'user', targetId: session.userId, details: { sessions: ended } });
    return ended;
  }

  /** Audits a two-factor change in every workspace of the user and rotates their sessions elsewhere. */
  async twoFactorChanged(session: SessionInfo, action: 'twoFactor.enabled' | 'twoFactor.disabled', client: ClientInfo): Promise<string> {
    for (const m of await this.users.memberships(session.userId)) {
      await this.audit.record(m.workspaceId, { action, actor: `user:${session.userId}`, ip: client.ip, targetType: 'user', targetId: session.userId });
    }
    await this.sessions.revokeAll(session.userId);
    return (await this.sessions.create(session.workspaceId, session.userId, client)).token;
  }
}
