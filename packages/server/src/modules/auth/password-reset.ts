// Password reset by a one-time emailed link: the token is valid for 30 minutes, stored hashed,
// used once; a reset ends every session of the account. Asking never says whether an account
// exists.
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { ServiceUnavailable, ValidationFailed } from '../../errors.js';
import type { AuditService } from '../audit/service.js';
import type { Mailer } from '../mail/mailer.js';
import type { ClientInfo, SessionService } from './sessions.js';
import { hashToken, newToken } from './tokens.js';
import { checkPasswordStrength, type UserService } from './users.js';

export const RESET_TTL_MS = 30 * 60 * 1000;

export class PasswordResetService {
  constructor(
    private readonly database: Database,
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly publicUrl: string,
  ) {}

  /** Emails a reset link if the account exists; answers the same either way. */
  async request(email: string, client: ClientInfo): Promise<void> {
    if (!this.mailer.isConfigured) throw new ServiceUnavailable('password reset needs email, and this server sends none: set SMTP_URL (docs/configuration.md)');
    const user = await this.users.byEmail(email);
    if (!user) return;
    const token = newToken('rpr_');
    const now = Date.now();
    await this.database.system.insertInto('password_resets').values({
      id: uuidv7(), token_hash: hashToken(token), user_id: user.id, created_at: new Date(now).toISOString(), expires_at: new Date(now + RESET_TTL_MS).toISOString(), used_at: null,
    }).execute();
    const link = `${this.publicUrl}/reset-password#token=${token}`;
    await this.mailer.send({
      to: user.email,
      subject: 'Reset your Rapport password',
      text: `Someone (hopefully you) asked to reset the password of ${user.email}.\n\nOpen this link within 30 minutes to choose a new one:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    });
    for (const m of await this.users.memberships(user.id)) {
      await this.audit.record(m.workspaceId, { action: 'password.resetRequested', actor: 'anonymous', ip: client.ip, targetType: 'user', targetId: user.id });
    }
  }

  /** Sets a new password with a reset token; the token is used up and every session ends. */
  async reset(token: string, password: string, client: ClientInfo): Promise<void> {
    checkPasswordStrength(password);
    const row = await this.database.system.selectFrom('password_resets').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    const invalid = new ValidationFailed([{ field: 'token', message: 'the reset link is unknown, used or expired; ask for a new one' }]);
    if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now()) throw invalid;
    const claimed = await this.database.system.updateTable('password_resets').set({ used_at: new Date().toISOString() })
      .where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw invalid;
    await this.users.setPassword(row.user_id, password);
    await this.sessions.revokeAll(row.user_id);
    for (const m of await this.users.memberships(row.user_id)) {
      await this.audit.record(m.workspaceId, { action: 'password.reset', actor: `user:${row.user_id}`, ip: client.ip, targetType: 'user', targetId: row.user_id });
    }
  }
}
