// The audit log: who did what, when, from where. Rows are appended in the caller's transaction
// when there is one, and no route or service updates or deletes them.
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export const AUDIT_ACTIONS = [
  'signIn.succeeded', 'signIn.failed', 'signOut', 'signOut.everywhere', 'session.switched',
  'twoFactor.enabled', 'twoFactor.disabled', 'twoFactor.recoveryCodeUsed', 'password.resetRequested', 'password.reset',
  'invitation.created', 'invitation.accepted', 'invitation.revoked',
  'member.roleChanged', 'member.removed', 'role.created', 'role.updated', 'role.deleted',
  'team.created', 'team.updated', 'team.deleted', 'workspace.created', 'workspace.settingsChanged',
  'apiKey.created', 'apiKey.revoked',
  'record.deleted', 'record.restored', 'record.exported', 'record.imported', 'record.merged', 'privacy.exported', 'privacy.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  /** `user:<id>`, `apiKey:<id>`, `system`, or `anonymous` for failed sign-ins. */
  actor: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  /** Never a secret: no passwords, tokens or codes. */
  details?: Record<string, unknown>;
}

export interface AuditRow extends Required<Pick<AuditEntry, 'action' | 'actor'>> {
  id: string;
  at: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  targetId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export class AuditService {
  constructor(private readonly database: Database) {}

  /**
   * Appends an entry; pass `db` to write inside a transaction (scoped to the workspace).
   * @example await audit.record(workspaceId, { action: 'apiKey.created', actor: 'user:1', targetType: 'apiKey', targetId: id });
   */
  async record(workspaceId: string, entry: AuditEntry, db: Kysely<any> = this.database.forWorkspace(workspaceId)): Promise<void> {
    await db.insertInto('audit_log').values({
      id: uuidv7(), at: new Date().toISOString(), actor: entry.actor, action: entry.action,
      target_type: entry.targetType ?? null, target_id: entry.targetId ?? null, ip: entry.ip ?? null,
      details: this.database.dialect.toDb(entry.details ?? {}, 'json'),
    }).execute();
  }

  /** Newest first; the cursor is the last id (UUIDv7 ids are time-ordered). */
  async list(workspaceId: string, query: AuditQuery): Promise<{ data: AuditRow[]; nextCursor: string | null }> {
    let select = this.database.forWorkspace(workspaceId).selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit + 1);
    if (query.action) select = query.action.endsWith('.*') ? select.where('action', 'like', `${query.action.slice(0, -2)}.%`) : select.where('action', '=', query.action);
    if (query.actor) select = select.where('actor', '=', query.actor);
    if (query.targetId) select = select.where('target_id', '=', query.targetId);
    if (query.from) select = select.where('at', '>=', query.from);
    if (query.to) select = select.where('at', '<', query.to);
    if (query.cursor) select = select.where('id', '<', query.cursor);
    const rows = await select.execute();
    const data = rows.slice(0, query.limit).map((row): AuditRow => ({
      id: row.id, at: row.at, action: row.action, actor: row.actor, targetType: row.target_type, targetId: row.target_id, ip: row.ip,
      details: (this.database.dialect.fromDb(row.details, 'json') ?? {}) as Record<string, unknown>,
    }));
    return { data, nextCursor: rows.length > query.limit ? data[data.length - 1].id : null };
  }
}
