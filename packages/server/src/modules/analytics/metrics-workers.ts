// Worker threads for a full recompute's per-customer maths. The main thread reads (the scan) and
// writes (SQLite has one writer); the scoring of each group — evidence out of the scanned
// columns, every person's and company's metrics — runs in workers
// (`metrics-worker.ts`), which read the scanned columns (typed arrays in shared memory; the
// texts and the models copied to each), so it overlaps the writing instead of following it. The
// workers hold at most a few groups each ahead of the writing, so memory stays flat (more while
// the main thread is busy with other work); while no answer is ready, the main thread scores
// groups too. A refit's churn fit runs in a thread of its own (`fitInWorker`) while the main
// thread reads.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ScanColumns } from './scan-columns.js';
import type { ChurnFitOutcome, ChurnSample } from './fitting.js';
import type { ScoringModels } from './households.js';

/** A group to score: people by their place in the scan, then the companies to score from them. */
export interface GroupTask {
  id: number;
  people: number[];
  companies: string[];
  /** False: score the people only for their companies' sake. */
  writePeople: boolean;
}

/** A customer's metrics as written: the values of METRIC_COLUMNS. */
export interface ScoredRow {
  id: string;
  values: unknown[];
}

/** This thread's share of the scoring: when it is free to take a group, and how it scores one. */
export interface ScoringHere {
  free(): boolean;
  score(task: GroupTask): GroupResult;
}

export interface GroupResult {
  id: number;
  people: ScoredRow[];
  companies: ScoredRow[];
}

/** Below this many people, starting threads and copying the columns to them costs more than it saves. */
const MIN_PEOPLE = 20_000;
/** Groups sent ahead of the one being written, per worker. */
const AHEAD = 4;
/**
 * The same while this thread is busy with other work (the dashboard's reports): each of their
 * queries holds this thread for up to seconds, during which it can send nothing, so the workers
 * get enough to score meanwhile: ~500,000 people (~20 s of scoring), some 150 MB of answers
 * waiting to be written. With four, the worker idled through the reports: 39 s at a million people.
 */
const BUSY_AHEAD = 1024;
/**
 * The scoring threads' young generation, MB. Scoring allocates a short-lived object graph per
 * customer (evidence, components, reasons); with V8's default the worker spent ~20 % of its time
 * in scavenges, and a larger nursery took ~1.5 s off the scoring of 100,000 people.
 */
const SCORING_YOUNG_GENERATION_MB = 96;

/** Workers a full pass over `people` uses by default: every core but the main thread's, or none for a small workspace. */
export function defaultThreads(people: number): number {
  return people >= MIN_PEOPLE ? Math.max(1, availableParallelism() - 1) : 0;
}

/**
 * Starts the worker module `name` beside this file. Built, it is JavaScript; run from the
 * TypeScript sources (the tests), it is loaded through tsx, registered in the worker before the
 * module is imported.
 */
function startWorker(name: 'metrics-worker' | 'fit-worker', workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData, resourceLimits });
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, execArgv: ['--conditions=source'] });
}

export class MetricsWorkers {
  readonly #workers: { worker: Worker; pending: number }[] = [];
  readonly #waiting = new Map<number, { resolve: (result: GroupResult) => void; reject: (error: Error) => void }>();
  #failure: Error | null = null;
  #closing = false;
  #nextId = 0;

  constructor(columns: ScanColumns, models: ScoringModels, asOf: number, threads: number) {
    for (let i = 0; i < threads; i++) {
      const entry = { worker: startWorker('metrics-worker', { columns, models, asOf }, { maxYoungGenerationSizeMb: SCORING_YOUNG_GENERATION_MB }), pending: 0 };
      entry.worker.on('message', (result: GroupResult) => {
        entry.pending -= 1;
        const waiting = this.#waiting.get(result.id);
        this.#waiting.delete(result.id);
        waiting?.resolve(result);
      });
      entry.worker.on('error', (error) => this.#fail(error));
      entry.worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`a metrics worker stopped (exit code ${code})`));
      });
      this.#workers.push(entry);
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  /** Scores one group on the least busy worker. */
  score(task: Omit<GroupTask, 'id'>): Promise<GroupResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    const entry = this.#workers.reduce((least, worker) => (worker.pending < least.pending ? worker : least));
    const id = this.#nextId++;
    entry.pending += 1;
    const result = new Promise<GroupResult>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    entry.worker.postMessage({ ...task, id } satisfies GroupTask);
    return result;
  }

  /**
   * Scores `tasks`, handing each result to `onResult` while later groups are being scored. When
   * the next worker result is not ready and `here` is free, this thread scores the next group
   * itself instead of waiting: between writes it has nothing else to do. Results reach
   * `onResult` in no fixed order (the writes sort each batch by id).
   */
  async scoreAll(tasks: Iterable<Omit<GroupTask, 'id'>>, onResult: (result: GroupResult) => Promise<void>, here?: ScoringHere): Promise<void> {
    const queue = tasks[Symbol.iterator]();
    const inFlight: { result: Promise<GroupResult>; ready: boolean }[] = [];
    const refill = () => {
      const ahead = here && !here.free() ? BUSY_AHEAD : AHEAD;
      while (inFlight.length < ahead * this.#workers.length) {
        const next = queue.next();
        if (next.done) return;
        const entry = { result: this.score(next.value), ready: false };
        entry.result.then(() => { entry.ready = true; }, () => { entry.ready = true; }); // awaited below; a failure is reported there
        inFlight.push(entry);
      }
    };
    refill();
    while (inFlight.length > 0) {
      // Let the workers' answers that have arrived be seen.
      await new Promise((resolve) => setImmediate(resolve));
      if (!inFlight[0].ready && here?.free()) {
        const next = queue.next();
        if (!next.done) {
          await onResult(here.score({ ...next.value, id: this.#nextId++ }));
          continue;
        }
      }
      const result = await inFlight.shift()!.result;
      refill();
      await onResult(result);
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((entry) => entry.worker.terminate()));
  }
}

/**
 * Fits the churn models to `sample` in a thread of its own (`fit-worker.ts`): the optimiser is
 * seconds of single-threaded maths, which a full recompute overlaps with reading the evidence.
 */
export function fitInWorker(sample: ChurnSample): Promise<ChurnFitOutcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('fit-worker', sample);
    worker.once('message', (outcome: ChurnFitOutcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
    // After an answer this changes nothing; before one, the thread died without answering.
    worker.once('exit', (code) => reject(new Error(`the fitting thread stopped (exit code ${code})`)));
  });
}
