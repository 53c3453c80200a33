// The analytics jobs the worker runs: recompute one person (then their company), one company,
// every member of a campaign whose cost changed, a whole workspace (refit, then everyone, with
// the dashboard's report snapshots alongside), and one stale report snapshot.
import type { RequestContext } from '../../engine/context.js';
import { enqueue, type Job, type JobWorker } from '../../engine/jobs.js';
import type { WorkspaceService } from '../workspaces/service.js';
import { CAMPAIGN_JOB, COMPANY_JOB, PERSON_JOB } from './hooks.js';
import type { ReportName } from './service.js';
import { REFRESH_REPORT_JOB, type ReportRequest, type ReportSnapshots } from './snapshots.js';
import type { MetricsStore } from './store.js';

export const RECOMPUTE_ALL_JOB = 'analytics.recomputeAll';

export function registerAnalyticsJobs(worker: JobWorker, workspaces: WorkspaceService, store: MetricsStore, snapshots: ReportSnapshots): void {
  const context = async (job: Job): Promise<RequestContext> => {
    const workspace = await workspaces.byId(job.workspaceId);
    if (!workspace) throw new Error(`workspace ${job.workspaceId} is gone`);
    return workspaces.contextFor(workspace, 'system');
  };
  worker.register(PERSON_JOB, async (job) => {
    const ctx = await context(job);
    const companies = await store.recomputePeople(ctx, [job.key]);
    if (companies.length > 0) {
      await ctx.dialect.transaction(ctx.db, async (trx) => {
        for (const key of companies) await enqueue({ ...ctx, db: trx }, { kind: COMPANY_JOB, key });
      });
    }
  });
  worker.register(COMPANY_JOB, async (job) => store.recomputeCompanies(await context(job), [job.key]));
  worker.register(CAMPAIGN_JOB, async (job) => {
    const ctx = await context(job);
    const members = await ctx.db.selectFrom('campaign_members').select('person_id').distinct()
      .where('campaign_id', '=', job.key).where('deleted_at', 'is', null).execute();
    await ctx.dialect.transaction(ctx.db, async (trx) => {
      for (const row of members) await enqueue({ ...ctx, db: trx }, { kind: PERSON_JOB, key: row.person_id });
    });
  });
  worker.register(RECOMPUTE_ALL_JOB, async (job) => {
    const ctx = await context(job);
    await store.recomputeAll(ctx, { refit: true, alongside: () => snapshots.fill(ctx) });
  });
  worker.register(REFRESH_REPORT_JOB, async (job) => {
    const { report, request } = job.payload as { report: ReportName; request: ReportRequest };
    await snapshots.refresh(await context(job), report, request);
  });
}
