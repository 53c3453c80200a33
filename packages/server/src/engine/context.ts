// The request context every engine call starts from: the workspace (taken from the credential,
// never from the request), who acts and what they may do, a query handle already scoped to the
// workspace, and the workspace's object definitions as the caller may see them.
import type { Access, ObjectDefinition } from '@rapport/core';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/dialects/dialect.js';

export interface WorkspaceObjects {
  /** Bumped on every metadata change; caches key on it. */
  readonly version: number;
  list(): readonly ObjectDefinition[];
  get(name: string): ObjectDefinition | undefined;
}

export interface RequestContext {
  readonly workspaceId: string;
  /** `apiKey:<id>`, `user:<id>` or `system`: recorded as created/updated by and in history. */
  readonly actor: string;
  /** Every query through it is scoped to `workspaceId`. Inside a write, the transaction. */
  readonly db: Kysely<any>;
  readonly dialect: Dialect;
  /** The workspace's objects as this caller sees them: fields hidden from their role are absent. */
  readonly objects: WorkspaceObjects;
  readonly defaultCurrency: string;
  /** What the caller may do and see: permissions, record visibility, hidden fields. */
  readonly access: Access;
}

/** The same context inside a transaction. */
export function withTransaction(ctx: RequestContext, trx: Kysely<any>): RequestContext {
  return { ...ctx, db: trx };
}
