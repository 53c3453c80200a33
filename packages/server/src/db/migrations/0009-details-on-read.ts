// Customers' metrics details are no longer stored: they are computed when one record's metrics
// are read, from its records at the instant its metrics were stored (analytics `MetricsStore.detail`).
// Stored, they were the largest table of the database (~3.3 KB a customer with its page waste,
// 363 MB at 100,000 people) and a third of a full recompute's writing, for text read only when
// someone opens a record. Derived data: dropping it loses nothing. Frozen once shipped.
import type { MigrationContext } from './builder.js';

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema.dropTable('metrics_details').execute();
}
