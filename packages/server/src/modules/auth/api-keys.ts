// API keys: random 256-bit secrets shown once; only their SHA-256 is stored. A key is
// high-entropy, so a fast hash is the right one here (argon2 is for passwords), and the
// lookup by hash compares nothing secret in user space.
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';

export const API_KEY_PREFIX = 'rpk_';

export interface VerifiedKey {
  keyId: string;
  workspaceId: string;
  metadataVersion: number;
  defaultCurrency: string;
}

export interface CreatedKey {
  id: string;
  /** The secret: shown once, never stored. */
  key: string;
}

function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** How often last_used_at is written for a busy key: reads should not become writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyService {
  readonly #lastWritten = new Map<string, number>();

  constructor(private readonly database: Database) {}

  /**
   * Creates a key for a workspace.
   * @example const { key } = await apiKeys.create(workspaceId, 'CI', 'system');
   */
  async create(workspaceId: string, name: string, createdBy: string, expiresAt?: string): Promise<CreatedKey> {
    const id = uuidv7();
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.database.forWorkspace(workspaceId).insertInto('api_keys').values({
      id, name, token_hash: hashOf(key), token_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      created_at: new Date().toISOString(), created_by: createdBy, expires_at: expiresAt ?? null,
    }).execute();
    return { id, key };
  }

  /** The workspace a key belongs to, or undefined for an unknown, revoked or expired key. */
  async verify(key: string): Promise<VerifiedKey | undefined> {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return undefined;
    const row = await this.database.system.selectFrom('api_keys')
      .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
      .select(['api_keys.id', 'api_keys.workspace_id', 'api_keys.expires_at', 'api_keys.revoked_at', 'workspaces.metadata_version', 'workspaces.default_currency'])
      .where('api_keys.token_hash', '=', hashOf(key))
      .executeTakeFirst();
    const now = new Date();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return undefined;
    const last = this.#lastWritten.get(row.id) ?? 0;
    if (now.getTime() - last > LAST_USED_RESOLUTION_MS) {
      this.#lastWritten.set(row.id, now.getTime());
      await this.database.forWorkspace(row.workspace_id).updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return { keyId: row.id, workspaceId: row.workspace_id, metadataVersion: Number(row.metadata_version), defaultCurrency: row.default_currency };
  }
}
