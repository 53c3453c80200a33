// Types of the tables the `system` handle may touch: tenancy and credential lookup.
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  default_currency: string;
  metadata_version: Generated<number>;
  created_at: string;
  requires_two_factor: Generated<boolean | number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  recovery_codes: unknown;
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
  role: Generated<string>;
  scopes: unknown;
}

export interface SessionsTable {
  workspace_id: string;
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationsTable {
  workspace_id: string;
  id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface SystemTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  workspace_members: WorkspaceMembersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
}
