// The ordered list of migrations. Append; never edit or reorder one that has shipped.
import * as initial from './0001-initial.js';
import * as identity from './0002-identity.js';
import * as analytics from './0003-analytics.js';
import * as views from './0004-views.js';
import * as deferredIndexes from './0005-deferred-indexes.js';
import * as textSentiment from './0006-text-sentiment.js';
import * as reportSnapshots from './0007-report-snapshots.js';
import * as metricsDetails from './0008-metrics-details.js';
import * as detailsOnRead from './0009-details-on-read.js';
import type { MigrationContext } from './builder.js';

export interface RapportMigration {
  up(context: MigrationContext): Promise<void>;
}

export const MIGRATIONS: Readonly<Record<string, RapportMigration>> = {
  '0001-initial': initial,
  '0002-identity': identity,
  '0003-analytics': analytics,
  '0004-views': views,
  '0005-deferred-indexes': deferredIndexes,
  '0006-text-sentiment': textSentiment,
  '0007-report-snapshots': reportSnapshots,
  '0008-metrics-details': metricsDetails,
  '0009-details-on-read': detailsOnRead,
};
