// The request context every engine call starts from: the workspace (taken from the credential,
// never from the request), who acts, a query handle already scoped to the workspace, and the
// workspace's object definitions.
import type { ObjectDefinition } from '@rapport/core';
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
  readonly objects: WorkspaceObjects;
  readonly defaultCurrency: string;
}

/** The same context inside a transaction. */
export function withTransaction(ctx: RequestContext, trx: Kysely<any>): RequestContext {
  return { ...ctx, db: trx };
}
