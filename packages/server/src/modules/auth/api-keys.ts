// API keys: random 256-bit secrets shown once; only their SHA-256 is stored. A key acts as a
// service user with a role, narrowed by scopes; it can expire and be revoked; its last use is
// recorded (at most once a minute, so reads do not become writes).
import { isScope, type Scope } from '@rapport/core';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import type { Actor } from '../access/service.js';
import type { AuditService } from '../audit/service.js';
import { hashToken, newToken } from './tokens.js';

export const API_KEY_PREFIX = 'rpk_';

export interface VerifiedKey {
  keyId: string;
  workspaceId: string;
  metadataVersion: number;
  defaultCurrency: string;
  role: string;
  scopes?: Scope[];
}

export interface NewKey {
  name: string;
  /** The role the key acts with; admin when absent. */
  role?: string;
  /** Narrows the role: `read:people`, `write:*`, `admin`; absent means the role's full grants. */
  scopes?: string[];
  expiresAt?: string;
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  role: string;
  scopes: Scope[] | null;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyService {
  readonly #lastWritten = new Map<string, number>();

  readonly #byHash;

  constructor(private readonly database: Database, private readonly audit: AuditService) {
    this.#byHash = prepared((value) => database.system.selectFrom('api_keys')
      .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
      .select(['api_keys.id', 'api_keys.workspace_id', 'api_keys.expires_at', 'api_keys.revoked_at', 'api_keys.role', 'api_keys.scopes', 'workspaces.metadata_version', 'workspaces.default_currency'])
      .where('api_keys.token_hash', '=', value(0)));
  }

  /**
   * Creates a key; the secret is in the result and nowhere else.
   * @example const { key } = await apiKeys.create(workspaceId, { name: 'CI', role: 'readOnly', scopes: ['read:*'] }, { actor: 'system' });
   */
  async create(workspaceId: string, input: NewKey, by: Actor): Promise<{ id: string; key: string }> {
    const bad = (input.scopes ?? []).filter((scope) => !isScope(scope));
    if (bad.length) throw new ValidationFailed([{ field: 'scopes', message: `not scopes: ${bad.join(', ')} (expected read:<object>, write:<object>, read:*, write:* or admin)` }]);
    const id = uuidv7();
    const key = newToken(API_KEY_PREFIX);
    const db = this.database.forWorkspace(workspaceId);
    await this.database.dialect.transaction(db, async (trx) => {
      await trx.insertInto('api_keys').values({
        id, name: input.name, token_hash: hashToken(key), token_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        created_at: new Date().toISOString(), created_by: by.actor, expires_at: input.expiresAt ?? null,
        role: input.role ?? 'admin', scopes: input.scopes ? this.database.dialect.toDb(input.scopes, 'json') : null,
      }).execute();
      await this.audit.record(workspaceId, {
        action: 'apiKey.created', actor: by.actor, ip: by.ip, targetType: 'apiKey', targetId: id,
        details: { name: input.name, role: input.role ?? 'admin', scopes: input.scopes ?? null, expiresAt: input.expiresAt ?? null },
      }, trx);
    });
    return { id, key };
  }

  async list(workspaceId: string): Promise<ApiKeyInfo[]> {
    const rows = await this.database.forWorkspace(workspaceId).selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map((row) => ({
      id: row.id, name: row.name, prefix: row.token_prefix, role: row.role, scopes: (this.database.dialect.fromDb(row.scopes, 'json') as Scope[] | null) ?? null,
      createdAt: row.created_at, createdBy: row.created_by, lastUsedAt: row.last_used_at, expiresAt: row.expires_at, revokedAt: row.revoked_at,
    }));
  }

  async revoke(workspaceId: string, id: string, by: Actor): Promise<void> {
    const db = this.database.forWorkspace(workspaceId);
    await this.database.dialect.transaction(db, async (trx) => {
      const result = await trx.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFound(`no active API key with id ${id}`);
      await this.audit.record(workspaceId, { action: 'apiKey.revoked', actor: by.actor, ip: by.ip, targetType: 'apiKey', targetId: id }, trx);
    });
  }

  /** The workspace and role of a key, or undefined for an unknown, revoked or expired one. */
  async verify(key: string): Promise<VerifiedKey | undefined> {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return undefined;
    const [row] = await this.#byHash(this.database.system, [hashToken(key)]);
    const now = new Date();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return undefined;
    const last = this.#lastWritten.get(row.id) ?? 0;
    if (now.getTime() - last > LAST_USED_RESOLUTION_MS) {
      this.#lastWritten.set(row.id, now.getTime());
      await this.database.forWorkspace(row.workspace_id).updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    const scopes = this.database.dialect.fromDb(row.scopes, 'json') as Scope[] | null;
    return {
      keyId: row.id, workspaceId: row.workspace_id, metadataVersion: Number(row.metadata_version), defaultCurrency: row.default_currency,
      role: row.role, ...(scopes ? { scopes } : {}),
    };
  }
}
