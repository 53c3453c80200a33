// Durable work after a change (DESIGN "Durable work"): a job row written in the same transaction
// as the change (the transactional outbox), claimed by a worker with a lease, retried with
// backoff, and kept with its attempts and last error. A pending job is unique per
// (workspace, kind, key): ten changes to one customer before the worker wakes are one job.
//
// The worker runs inside the server process (SQLite has one writer; on PostgreSQL any number of
// processes may run one: claims use FOR UPDATE SKIP LOCKED). A job whose worker died is claimed
// again once its lease has passed.
import { EventEmitter } from 'node:events';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.js';
import type { RequestContext } from './context.js';

export interface JobSpec {
  kind: string;
  /** What the job is about (a record id, a workspace): one pending job per kind and key. */
  key: string;
  payload?: unknown;
  /** ISO instant; now when absent. */
  runAt?: string;
}

export interface Job {
  id: string;
  workspaceId: string;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
}

export type JobHandler = (job: Job) => Promise<void>;

/** Tells this process's started workers that a job was written, so they look at once instead of at the next poll. */
const enqueued = new EventEmitter();
enqueued.setMaxListeners(0);

/** Adds a job in the caller's transaction (the context's handle); a pending duplicate is kept as is. */
export async function enqueue(ctx: Pick<RequestContext, 'workspaceId' | 'db'>, spec: JobSpec): Promise<void> {
  const now = new Date().toISOString();
  await ctx.db.insertInto('jobs').values({
    workspace_id: ctx.workspaceId,
    id: uuidv7(), kind: spec.kind, key: spec.key, payload: spec.payload === undefined ? null : JSON.stringify(spec.payload),
    status: 'pending', run_at: spec.runAt ?? now, attempts: 0, created_at: now, updated_at: now,
  }).onConflict((oc) => oc.columns(['workspace_id', 'kind', 'key']).where(sql.ref('status'), '=', sql.lit('pending')).doNothing()).execute();
  // Still inside the caller's transaction: a worker woken now waits for the commit on SQLite
  // (one connection); on PostgreSQL it may look too early and find the job at its next poll.
  enqueued.emit('job');
}

export interface JobWorkerOptions {
  /** How often to look for due jobs when idle. */
  pollMs?: number;
  /** How long a claimed job is ours before another worker may take it. */
  leaseMs?: number;
  /** Jobs claimed per round. */
  batch?: number;
  maxAttempts?: number;
  /** Called when a handler throws (the job is retried or, after maxAttempts, failed). */
  onError?: (job: Job, error: unknown) => void;
}

const DONE_KEPT_MS = 24 * 3_600_000;

export class JobWorker {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #options: Required<Omit<JobWorkerOptions, 'onError'>> & Pick<JobWorkerOptions, 'onError'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #started = false;
  #busy = false;
  #again = false;
  #lastPrune = 0;

  constructor(private readonly database: Database, options: JobWorkerOptions = {}) {
    this.#options = { pollMs: 250, leaseMs: 60_000, batch: 50, maxAttempts: 5, ...options };
  }

  register(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
  }

  /** Starts running due jobs: at once when this process enqueues one, else every poll interval. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    enqueued.on('job', this.#wake);
    this.#schedule(this.#options.pollMs);
  }

  /** Stops and waits for the round in progress. */
  async stop(): Promise<void> {
    this.#started = false;
    enqueued.off('job', this.#wake);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  readonly #wake = () => this.#schedule(0);

  #schedule(delay: number): void {
    if (!this.#started) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), delay);
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    this.#busy = true;
    let ran = 0;
    try {
      this.#running = this.runDue().then((count) => {
        ran = count;
      });
      await this.#running;
    } catch (error) {
      this.#options.onError?.({ id: '', workspaceId: '', kind: 'worker', key: '', payload: null, attempts: 0 }, error);
    } finally {
      this.#busy = false;
    }
    const again = this.#again || ran >= this.#options.batch;
    this.#again = false;
    this.#schedule(again ? 0 : this.#options.pollMs);
  }

  /** Runs due jobs (of one workspace, if given) until none is left; returns how many ran. */
  async drain(workspaceId?: string): Promise<number> {
    let total = 0;
    for (let ran = await this.runDue(workspaceId); ran > 0; ran = await this.runDue(workspaceId)) total += ran;
    return total;
  }

  /** Claims one batch of due jobs (of one workspace, if given) and runs them; returns how many ran. */
  async runDue(workspaceId?: string): Promise<number> {
    const jobs = await this.#claim(workspaceId);
    for (const job of jobs) await this.#run(job);
    if (Date.now() - this.#lastPrune > 600_000) await this.#prune();
    return jobs.length;
  }

  async #claim(workspaceId: string | undefined): Promise<Job[]> {
    const db = this.#db();
    const now = new Date();
    let due = db.selectFrom('jobs').select('id')
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.toISOString())]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now.toISOString())]),
      ]))
      .orderBy('run_at').limit(this.#options.batch);
    if (workspaceId) due = due.where('workspace_id', '=', workspaceId);
    const claimable = this.database.dialect.name === 'postgres' ? due.forUpdate().skipLocked() : due;
    const rows = await db.updateTable('jobs')
      .set({ status: 'running', locked_until: new Date(now.getTime() + this.#options.leaseMs).toISOString(), attempts: sql`attempts + 1`, updated_at: now.toISOString() })
      .where('id', 'in', claimable)
      .returning(['id', 'workspace_id', 'kind', 'key', 'payload', 'attempts'])
      .execute();
    return rows.map((row) => ({
      id: row.id, workspaceId: row.workspace_id, kind: row.kind, key: row.key, attempts: Number(row.attempts),
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    }));
  }

  async #run(job: Job): Promise<void> {
    const db = this.#db();
    const handler = this.#handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job);
      await db.updateTable('jobs').set({ status: 'done', locked_until: null, last_error: null, updated_at: new Date().toISOString() }).where('id', '=', job.id).execute();
    } catch (error) {
      this.#options.onError?.(job, error);
      const message = error instanceof Error ? error.message : String(error);
      const failed = job.attempts >= this.#options.maxAttempts;
      // Back off 2, 4, 8, … seconds.
      const runAt = new Date(Date.now() + 1000 * 2 ** job.attempts).toISOString();
      try {
        await db.updateTable('jobs').set({ status: failed ? 'failed' : 'pending', run_at: runAt, locked_until: null, last_error: message.slice(0, 2000), updated_at: new Date().toISOString() })
          .where('id', '=', job.id).execute();
      } catch (conflict) {
        // A newer pending job for the same key exists: it will do this job's work.
        if (!this.database.dialect.isUniqueViolation(conflict)) throw conflict;
        await db.updateTable('jobs').set({ status: 'superseded', locked_until: null, last_error: message.slice(0, 2000), updated_at: new Date().toISOString() }).where('id', '=', job.id).execute();
      }
    }
  }

  /** Forgets finished jobs after a day; failed ones stay for inspection. */
  async #prune(): Promise<void> {
    this.#lastPrune = Date.now();
    await this.#db().deleteFrom('jobs').where('status', 'in', ['done', 'superseded']).where('updated_at', '<', new Date(Date.now() - DONE_KEPT_MS).toISOString()).execute();
  }

  /** The jobs table spans workspaces: the worker is the one reader that does not start from a workspace. */
  #db(): Kysely<any> {
    return this.database.system as unknown as Kysely<any>;
  }
}
