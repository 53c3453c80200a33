// The tables of the schema, and the one place names move between API camelCase and SQL snake_case.

/** Tables without a workspace: the workspaces themselves, users (who may belong to several). */
export const GLOBAL_TABLES: ReadonlySet<string> = new Set(['workspaces', 'users', 'password_resets', 'kysely_migration', 'kysely_migration_lock', 'deferred_indexes']);

/** Every table that carries `workspace_id`; the scope plugin guards exactly these. */
export const WORKSPACE_TABLES: ReadonlySet<string> = new Set([
  'workspace_members', 'api_keys', 'object_definitions', 'field_definitions', 'record_history', 'deal_stage_history',
  'people', 'companies', 'person_companies', 'deals', 'pipelines', 'stages', 'interactions', 'interaction_participants',
  'tasks', 'notes', 'products', 'orders', 'order_lines', 'cases', 'campaigns', 'campaign_members', 'survey_responses',
  'tags', 'record_tags', 'custom_records',
  'sessions', 'invitations', 'roles', 'teams', 'team_members', 'audit_log',
  'analytics_models', 'analytics_snapshots', 'jobs', 'views',
]);

/**
 * API name to SQL name.
 * @example snakeCase('surveyResponses') // 'survey_responses'
 */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** SQL name to API name. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
