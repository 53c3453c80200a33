// The last computed answer of each whole-workspace analytics report per parameters (the
// analytics module's snapshots): served at once to callers who would see the same answer, and
// refreshed in the background. Frozen once shipped.
import { createTable, type MigrationContext } from './builder.js';

export async function up(context: MigrationContext): Promise<void> {
  await createTable(context, 'analytics_snapshots', [
    ['report', 'text', { notNull: true }], ['params_key', 'text', { notNull: true }], ['body', 'json', { notNull: true }],
    ['computed_at', 'text', { notNull: true }], ['duration_ms', 'integer', { notNull: true }],
  ], ['report', 'params_key']);
}
