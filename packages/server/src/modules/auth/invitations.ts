// Invitations: an admin invites an email with a role; the link (valid 7 days, one use, stored
// hashed) lets the person create an account or, if they have one, join with it.
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { BusinessRule, Conflict, NotFound, ValidationFailed } from '../../errors.js';
import type { AccessService, Actor } from '../access/service.js';
import type { AuditService } from '../audit/service.js';
import type { Mailer } from '../mail/mailer.js';
import { hashToken, newToken } from './tokens.js';
import { checkPasswordStrength, normaliseEmail, type UserService } from './users.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Invitation {
  id: string;
  email: string;
  role: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export class InvitationService {
  constructor(
    private readonly database: Database,
    private readonly users: UserService,
    private readonly access: AccessService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly publicUrl: string,
  ) {}

  /** Invites an email with a role; returns the link (also emailed when mail is configured). */
  async create(workspaceId: string, input: { email: string; role: string }, by: Actor): Promise<Invitation & { url: string; emailed: boolean }> {
    if (!(await this.access.roleExists(workspaceId, input.role))) throw new ValidationFailed([{ field: 'role', message: `no role named ${input.role}` }]);
    const email = normaliseEmail(input.email);
    const existing = await this.users.byEmail(email);
    if (existing && (await this.users.memberships(existing.id)).some((m) => m.workspaceId === workspaceId)) throw new Conflict(`${email} is already a member`);
    const token = newToken('rpi_');
    const now = Date.now();
    const invitation: Invitation = {
      id: uuidv7(), email, role: input.role, invitedBy: by.actor, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(), acceptedAt: null, revokedAt: null,
    };
    const db = this.database.forWorkspace(workspaceId);
    await this.database.dialect.transaction(db, async (trx) => {
      await trx.insertInto('invitations').values({
        id: invitation.id, email, role: input.role, token_hash: hashToken(token), invited_by: by.actor, created_at: invitation.createdAt, expires_at: invitation.expiresAt, accepted_at: null, revoked_at: null,
      }).execute();
      await this.audit.record(workspaceId, { action: 'invitation.created', actor: by.actor, ip: by.ip, targetType: 'invitation', targetId: invitation.id, details: { email, role: input.role } }, trx);
    });
    const url = `${this.publicUrl}/invitation#token=${token}`;
    const workspace = await this.database.system.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirstOrThrow();
    if (this.mailer.isConfigured) {
      await this.mailer.send({ to: email, subject: `You are invited to ${workspace.name} on Rapport`, text: `You are invited to join ${workspace.name} on Rapport as ${input.role}.\n\nAccept within 7 days:\n${url}\n` });
    }
    return { ...invitation, url, emailed: this.mailer.isConfigured };
  }

  async list(workspaceId: string): Promise<Invitation[]> {
    const rows = await this.database.forWorkspace(workspaceId).selectFrom('invitations').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map((row) => ({
      id: row.id, email: row.email, role: row.role, invitedBy: row.invited_by, createdAt: row.created_at, expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at,
    }));
  }

  async revoke(workspaceId: string, id: string, by: Actor): Promise<void> {
    const db = this.database.forWorkspace(workspaceId);
    await this.database.dialect.transaction(db, async (trx) => {
      const result = await trx.updateTable('invitations').set({ revoked_at: new Date().toISOString() }).where('id', '=', id)
        .where('revoked_at', 'is', null).where('accepted_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFound(`no open invitation with id ${id}`);
      await this.audit.record(workspaceId, { action: 'invitation.revoked', actor: by.actor, ip: by.ip, targetType: 'invitation', targetId: id }, trx);
    });
  }

  /** What an invitation link is for, if it is still open. */
  async lookup(token: string): Promise<{ workspaceId: string; workspaceName: string; email: string; role: string; expiresAt: string; hasAccount: boolean; invitationId: string }> {
    const row = await this.database.system.selectFrom('invitations as i').innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
      .select(['i.id', 'i.workspace_id', 'i.email', 'i.role', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'w.name'])
      .where('i.token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || row.accepted_at || row.revoked_at || Date.parse(row.expires_at) <= Date.now()) throw new NotFound('this invitation is unknown, used, revoked or expired; ask for a new one');
    return { invitationId: row.id, workspaceId: row.workspace_id, workspaceName: row.name, email: row.email, role: row.role, expiresAt: row.expires_at, hasAccount: !!(await this.users.byEmail(row.email)) };
  }

  /**
   * Accepts an invitation: a new account (name + password) or, for an existing account, the
   * signed-in user whose email was invited. Returns the member's user id and workspace.
   */
  async accept(token: string, input: { name?: string; password?: string; signedInUserId?: string }, ip?: string): Promise<{ userId: string; workspaceId: string }> {
    const invitation = await this.lookup(token);
    const existing = await this.users.byEmail(invitation.email);
    if (existing) {
      if (input.signedInUserId !== existing.id) throw new BusinessRule(`sign in as ${invitation.email} first, then accept the invitation`);
    } else {
      if (!input.name) throw new ValidationFailed([{ field: 'name', message: 'is required to create your account' }]);
      if (!input.password) throw new ValidationFailed([{ field: 'password', message: 'is required to create your account' }]);
      checkPasswordStrength(input.password);
    }
    const db = this.database.forWorkspace(invitation.workspaceId);
    const claimed = await db.updateTable('invitations').set({ accepted_at: new Date().toISOString() }).where('id', '=', invitation.invitationId).where('accepted_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new NotFound('this invitation was just used');
    const { id } = await this.users.addToWorkspace(invitation.workspaceId, { email: invitation.email, name: input.name ?? existing!.name, password: existing ? undefined : input.password, role: invitation.role });
    await this.audit.record(invitation.workspaceId, { action: 'invitation.accepted', actor: `user:${id}`, ip, targetType: 'invitation', targetId: invitation.invitationId, details: { email: invitation.email, role: invitation.role } });
    return { userId: id, workspaceId: invitation.workspaceId };
  }
}
