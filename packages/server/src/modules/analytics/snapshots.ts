// Whole-workspace report snapshots, stale-while-revalidate: the last computed answer of each
// report (no segment, person or company) per parameters, kept in `analytics_snapshots`. A caller
// who would see exactly the system's answer (`seesWholeReport`) is answered from a recent one at
// once, and a stale one is refreshed by a queued job; everyone else gets their live answer, as
// before. Only slow reports are served from a snapshot: a report that computes in less than
// `minComputeMs` is answered live, so a small workspace never sees a stale figure.
import type { RequestContext } from '../../engine/context.js';
import { enqueue } from '../../engine/jobs.js';
import { seesWholeReport, type AnalyticsService, type ReportName, type Scope } from './service.js';
import { DEFAULT_SUPPORT_HOURLY_COST } from './store.js';

export const REFRESH_REPORT_JOB = 'analytics.refreshReport';

/** The reports a dashboard shows, in its order; the ones a full recompute stores. */
export const REPORTS: readonly ReportName[] = ['satisfaction', 'loyalty', 'retention', 'profitability'];

/** A report's parameters: its scope (whole workspace when no filter, person or company) and, for profitability, the support cost. */
export interface ReportRequest extends Scope {
  supportHourlyCost?: number;
}

export interface SnapshotPolicy {
  /** A snapshot older than this is never answered. */
  maxAgeMs: number;
  /** A snapshot older than this is answered, and a refresh is queued. */
  freshAgeMs: number;
  /** Only a report whose last computation took at least this long is answered from its snapshot. */
  minComputeMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { maxAgeMs: 24 * 3_600_000, freshAgeMs: 5 * 60_000, minComputeMs: 1_000 };

/** Each answer of a report says when it was computed and whether it is a stored snapshot. */
export type Answer = Record<string, unknown> & { computedAt: string; isSnapshot: boolean };

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Whether the request is for the whole workspace (no segment, person or company). */
export const isWholeWorkspace = (request: ReportRequest) => !request.filter && !request.personId && !request.companyId;

/**
 * The key of a whole-workspace report's parameters: the period as given (the routes normalise it
 * to ISO instants) and, for profitability, the support cost with its default filled in.
 * @example paramsKey('profitability', { from: '2026-01-01T00:00:00.000Z' }) // 'from=2026-01-01T00%3A00%3A00.000Z&supportHourlyCost=4000'
 */
export function paramsKey(report: ReportName, request: ReportRequest): string {
  const entries: [string, string][] = [];
  if (request.from) entries.push(['from', request.from]);
  if (request.to) entries.push(['to', request.to]);
  if (report === 'profitability') entries.push(['supportHourlyCost', String(request.supportHourlyCost ?? DEFAULT_SUPPORT_HOURLY_COST)]);
  return new URLSearchParams(entries).toString();
}

export class ReportSnapshots {
  readonly #policy: SnapshotPolicy;

  constructor(private readonly analytics: AnalyticsService, policy: Partial<SnapshotPolicy> = {}, private readonly now: () => Date = () => new Date()) {
    this.#policy = { ...DEFAULT_SNAPSHOT_POLICY, ...policy };
  }

  /**
   * The report as the caller sees it: a whole-workspace one from its snapshot when the caller
   * sees everything it reads and the snapshot is usable (queuing a refresh when it is stale),
   * otherwise computed now — and stored when it is the system's answer.
   */
  async answer(ctx: RequestContext, report: ReportName, request: ReportRequest, options: { fresh?: boolean } = {}): Promise<Answer> {
    const storable = isWholeWorkspace(request) && seesWholeReport(ctx, report);
    if (!storable) return this.#live(ctx, report, request, false);
    const key = paramsKey(report, request);
    if (!options.fresh) {
      const row = await ctx.db.selectFrom('analytics_snapshots').select(['body', 'computed_at', 'duration_ms'])
        .where('report', '=', report).where('params_key', '=', key).executeTakeFirst();
      const age = row ? this.now().getTime() - Date.parse(row.computed_at) : Infinity;
      if (row && age < this.#policy.maxAgeMs && Number(row.duration_ms) >= this.#policy.minComputeMs) {
        if (age >= this.#policy.freshAgeMs) {
          await enqueue(ctx, { kind: REFRESH_REPORT_JOB, key: `${report}?${key}`, payload: { report, request: wholeWorkspace(request) } });
        }
        return { ...parse(row.body), computedAt: row.computed_at, isSnapshot: true };
      }
    }
    return this.#live(ctx, report, request, true);
  }

  /** Computes and stores a whole-workspace report (the refresh job, with the system's context). */
  async refresh(ctx: RequestContext, report: ReportName, request: ReportRequest): Promise<Answer> {
    if (!isWholeWorkspace(request) || !seesWholeReport(ctx, report)) throw new Error(`${report} of this scope is not the whole workspace's`);
    return this.#live(ctx, report, request, true);
  }

  /**
   * Stores the dashboard's default reports (no period, default support cost): after a full
   * recompute, while its workers score. Between reports it lets the event loop turn: on SQLite a
   * report runs without ever yielding (every query is synchronous), so the recompute could send
   * its workers nothing new until all four were done.
   */
  async fill(ctx: RequestContext): Promise<void> {
    for (const report of REPORTS) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.refresh(ctx, report, {});
    }
  }

  async #live(ctx: RequestContext, report: ReportName, request: ReportRequest, store: boolean): Promise<Answer> {
    const computedAt = this.now().toISOString();
    const started = performance.now();
    const body = await this.#compute(ctx, report, request);
    const durationMs = Math.round(performance.now() - started);
    if (store) {
      const values = { body: JSON.stringify(body), computed_at: computedAt, duration_ms: durationMs };
      // A slower computation that started earlier never replaces a newer answer.
      await ctx.db.insertInto('analytics_snapshots').values({ report, params_key: paramsKey(report, request), ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'report', 'params_key']).doUpdateSet(values).where('analytics_snapshots.computed_at', '<=', computedAt))
        .execute();
    }
    return { ...body, computedAt, isSnapshot: false };
  }

  async #compute(ctx: RequestContext, report: ReportName, request: ReportRequest): Promise<Record<string, unknown>> {
    const { supportHourlyCost, ...scope } = request;
    switch (report) {
      case 'satisfaction': return { ...(await this.analytics.satisfaction(ctx, scope)) };
      case 'loyalty': return { ...(await this.analytics.loyalty(ctx, scope)) };
      case 'retention': return { ...(await this.analytics.retention(ctx, scope)) };
      case 'profitability': return { ...(await this.analytics.profitability(ctx, scope, { supportHourlyCost: supportHourlyCost ?? DEFAULT_SUPPORT_HOURLY_COST })) };
    }
  }
}

/** The parameters a whole-workspace snapshot is keyed by, and nothing else. */
function wholeWorkspace(request: ReportRequest): ReportRequest {
  return { from: request.from, to: request.to, supportHourlyCost: request.supportHourlyCost };
}
