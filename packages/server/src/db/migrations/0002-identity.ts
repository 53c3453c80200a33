// Identity and access: sessions, password resets, invitations, two-factor, custom roles, teams,
// API key roles and scopes, and the audit log. Frozen once shipped.
import { addColumns, createTable, type ColumnSpec, type MigrationContext } from './builder.js';

const text = (name: string): ColumnSpec => [name, 'text'];
const json = (name: string): ColumnSpec => [name, 'json'];
const required = ([name, kind]: ColumnSpec): ColumnSpec => [name, kind, { notNull: true }];

export async function up(context: MigrationContext): Promise<void> {
  const { db, dialect } = context;

  // Two-factor: the TOTP secret (needed to verify codes, so not hashable), when it was turned
  // on, and the SHA-256 of each unused recovery code.
  await db.schema.alterTable('users').addColumn('totp_secret', dialect.columnTypes.text as never).execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', dialect.columnTypes.text as never).execute();
  await db.schema.alterTable('users').addColumn('recovery_codes', dialect.columnTypes.json as never).execute();
  await db.schema.alterTable('workspaces').addColumn('requires_two_factor', dialect.columnTypes.boolean as never, (c) => c.notNull().defaultTo(false)).execute();

  // API keys act as a service user with a role, narrowed by scopes.
  await db.schema.alterTable('api_keys').addColumn('role', dialect.columnTypes.text as never, (c) => c.notNull().defaultTo('admin')).execute();
  await db.schema.alterTable('api_keys').addColumn('scopes', dialect.columnTypes.json as never).execute();

  // Sessions: the SHA-256 of the cookie's token; one row per sign-in, rotated on privilege change.
  await createTable(context, 'sessions', [
    required(text('id')), required(text('token_hash')), required(text('user_id')),
    required(text('created_at')), required(text('last_seen_at')), required(text('expires_at')), text('revoked_at'),
    text('ip'), text('user_agent'),
  ], ['id']);
  await db.schema.createIndex('sessions_token_hash_key').on('sessions').column('token_hash').unique().execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['workspace_id', 'user_id']).execute();

  // Password reset tokens belong to a user, not a workspace.
  await addColumns(db.schema.createTable('password_resets'), dialect, [
    required(text('id')), required(text('token_hash')), required(text('user_id')),
    required(text('created_at')), required(text('expires_at')), text('used_at'),
  ]).addPrimaryKeyConstraint('password_resets_pkey', ['id']).execute();
  await db.schema.createIndex('password_resets_token_hash_key').on('password_resets').column('token_hash').unique().execute();

  await createTable(context, 'invitations', [
    required(text('id')), required(text('email')), required(text('role')), required(text('token_hash')),
    required(text('invited_by')), required(text('created_at')), required(text('expires_at')), text('accepted_at'), text('revoked_at'),
  ], ['id']);
  await db.schema.createIndex('invitations_token_hash_key').on('invitations').column('token_hash').unique().execute();

  await createTable(context, 'roles', [
    required(text('id')), required(text('name')), required(text('label')), text('description'), required(json('grants')),
    required(text('created_at')), required(text('updated_at')),
  ], ['id']);
  await db.schema.createIndex('roles_name_key').on('roles').columns(['workspace_id', 'name']).unique().execute();

  await createTable(context, 'teams', [
    required(text('id')), required(text('name')), text('manager_id'), required(text('created_at')), required(text('updated_at')),
  ], ['id']);
  await db.schema.createIndex('teams_name_key').on('teams').columns(['workspace_id', 'name']).unique().execute();
  await createTable(context, 'team_members', [required(text('team_id')), required(text('user_id'))], ['team_id', 'user_id']);
  await db.schema.createIndex('team_members_user_idx').on('team_members').columns(['workspace_id', 'user_id']).execute();

  // The audit log: appended, never updated; no route changes it.
  await createTable(context, 'audit_log', [
    required(text('id')), required(text('at')), required(text('actor')), required(text('action')),
    text('target_type'), text('target_id'), text('ip'), required(json('details')),
  ], ['id']);
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['workspace_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['workspace_id', 'action', 'at']).execute();
}
