// Types of the tables the `system` handle may touch: tenancy and credential lookup.
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  default_currency: string;
  metadata_version: Generated<number>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SystemTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  workspace_members: WorkspaceMembersTable;
  api_keys: ApiKeysTable;
}
