// Sessions in the database, so that several server processes share them. The cookie holds a
// random token; the table holds its SHA-256. A session ends when idle too long, when its
// absolute lifetime is over, on sign-out, on "sign out everywhere", and when it is rotated
// (sign-in, workspace switch, role or two-factor change).
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
const TOUCH_RESOLUTION_MS = 60_000;

export interface SessionInfo {
  sessionId: string;
  workspaceId: string;
  userId: string;
  role: string;
  metadataVersion: number;
  defaultCurrency: string;
  workspaceRequiresTwoFactor: boolean;
  userHasTwoFactor: boolean;
  expiresAt: string;
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export class SessionService {
  readonly #byHash;

  constructor(private readonly database: Database, private readonly clock: () => number = Date.now) {
    this.#byHash = prepared((value) => database.system.selectFrom('sessions as s')
      .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
      .innerJoin('workspace_members as m', (join) => join.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'))
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.workspace_id', 's.user_id', 's.last_seen_at', 's.expires_at', 's.revoked_at', 'm.role', 'w.metadata_version', 'w.default_currency', 'w.requires_two_factor', 'u.totp_enabled_at'])
      .where('s.token_hash', '=', value(0)));
  }

  /**
   * Starts a session for a member of a workspace; returns the token for the cookie (never stored).
   * @example const { token } = await sessions.create(workspaceId, userId, { ip: request.ip });
   */
  async create(workspaceId: string, userId: string, client: ClientInfo = {}): Promise<{ token: string; sessionId: string; expiresAt: string }> {
    const token = newToken('rps_');
    const now = this.clock();
    const sessionId = uuidv7();
    const expiresAt = new Date(now + SESSION_MAX_MS).toISOString();
    await this.database.forWorkspace(workspaceId).insertInto('sessions').values({
      id: sessionId, token_hash: hashToken(token), user_id: userId, created_at: new Date(now).toISOString(), last_seen_at: new Date(now).toISOString(),
      expires_at: expiresAt, revoked_at: null, ip: client.ip ?? null, user_agent: client.userAgent?.slice(0, 300) ?? null,
    }).execute();
    return { token, sessionId, expiresAt };
  }

  /** The live session a token stands for, with the member's role; undefined when unknown, ended, or no longer a member. */
  async verify(token: string): Promise<SessionInfo | undefined> {
    if (!token.startsWith('rps_') || token.length > 100) return undefined;
    const [row] = await this.#byHash(this.database.system, [hashToken(token)]);
    if (!row || row.revoked_at) return undefined;
    const now = this.clock();
    if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + SESSION_IDLE_MS <= now) return undefined;
    if (now - Date.parse(row.last_seen_at) > TOUCH_RESOLUTION_MS) {
      await this.database.forWorkspace(row.workspace_id).updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', row.id).execute();
    }
    return {
      sessionId: row.id, workspaceId: row.workspace_id, userId: row.user_id, role: row.role, metadataVersion: Number(row.metadata_version),
      defaultCurrency: row.default_currency, workspaceRequiresTwoFactor: Boolean(row.requires_two_factor), userHasTwoFactor: !!row.totp_enabled_at,
      expiresAt: row.expires_at,
    };
  }

  async revoke(workspaceId: string, sessionId: string): Promise<void> {
    await this.database.forWorkspace(workspaceId).updateTable('sessions').set({ revoked_at: new Date(this.clock()).toISOString() })
      .where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
  }

  /** Ends every session of a user, in every workspace; returns how many were live. */
  async revokeAll(userId: string): Promise<number> {
    const result = await this.database.system.updateTable('sessions').set({ revoked_at: new Date(this.clock()).toISOString() })
      .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Ends a session and starts a new one (privilege change, workspace switch): the old token stops working. */
  async rotate(current: Pick<SessionInfo, 'workspaceId' | 'sessionId' | 'userId'>, workspaceId: string, client: ClientInfo = {}) {
    await this.revoke(current.workspaceId, current.sessionId);
    return this.create(workspaceId, current.userId, client);
  }
}
