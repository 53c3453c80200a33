// Relationship analytics stored on the record side, and the transactional outbox that keeps them
// current: computed metric columns on people and companies, the fitted models per workspace, and
// the jobs table. Frozen once shipped.
import { sql } from 'kysely';
import { createTable, index, type ColumnSpec, type MigrationContext } from './builder.js';

/** Metric columns shared by people and companies (API names in `core/objects/metric-fields.ts`). */
const METRIC_COLUMNS: ColumnSpec[] = [
  ['csat', 'float'], ['nps_category', 'text'], ['rfm_score', 'text'], ['rfm_segment', 'text'],
  ['clv', 'integer'], ['predicted_purchases', 'float'], ['predicted_clv', 'integer'], ['p_alive', 'float'], ['churn_risk', 'float'],
  ['relationship_strength', 'float'], ['customer_type', 'text'], ['metrics_at', 'text'],
  // Components, evidence and reasons behind the figures; read through the analytics routes.
  ['metrics_detail', 'json'],
];

export async function up(context: MigrationContext): Promise<void> {
  const { db, dialect } = context;
  for (const table of ['people', 'companies']) {
    for (const [name, kind] of METRIC_COLUMNS) {
      await db.schema.alterTable(table).addColumn(name, dialect.columnTypes[kind] as never).execute();
    }
    await index(context, table, ['workspace_id', 'churn_risk'], { live: true });
    await index(context, table, ['workspace_id', 'relationship_strength'], { live: true });
    await index(context, table, ['workspace_id', 'rfm_segment'], { live: true });
  }

  // Fitted models and population-relative cut points per workspace (BG/NBD, Gamma-Gamma, RFM).
  await createTable(context, 'analytics_models', [
    ['kind', 'text', { notNull: true }], ['params', 'json', { notNull: true }], ['log_likelihood', 'float'],
    ['customers', 'integer', { notNull: true }], ['fitted_at', 'text', { notNull: true }], ['details', 'json'],
  ], ['kind']);

  // The outbox: work to do after a change, written in the change's transaction. A pending job is
  // unique per (workspace, kind, key), so a burst of changes to one customer is one job.
  await createTable(context, 'jobs', [
    ['id', 'text', { notNull: true }], ['kind', 'text', { notNull: true }], ['key', 'text', { notNull: true }],
    ['payload', 'json'], ['status', 'text', { notNull: true, defaultTo: 'pending' }],
    ['run_at', 'text', { notNull: true }], ['attempts', 'integer', { notNull: true, defaultTo: 0 }],
    ['locked_until', 'text'], ['last_error', 'text'], ['created_at', 'text', { notNull: true }], ['updated_at', 'text', { notNull: true }],
  ], ['id']);
  await db.schema.createIndex('jobs_pending_key').on('jobs').columns(['workspace_id', 'kind', 'key']).unique()
    .where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
}
