// The nightly refresh: refit every workspace's models and recompute every customer at 03:00
// (server time), so that recency-driven figures (P(alive), relationship recency, RFM recency)
// move with the calendar, not only with changes. The work itself is a queued job per workspace.
import { Cron } from 'croner';
import { enqueue } from '../../engine/jobs.js';
import type { Services } from '../../services.js';
import { RECOMPUTE_ALL_JOB } from './jobs.js';

export function scheduleNightlyRecompute(services: Services, pattern = '0 3 * * *'): Cron {
  return new Cron(pattern, { protect: true }, async () => {
    const workspaces = await services.database.system.selectFrom('workspaces').select('id').execute();
    for (const { id } of workspaces) await enqueue({ workspaceId: id, db: services.workspaces.scopedDb(id) }, { kind: RECOMPUTE_ALL_JOB, key: id });
  });
}
