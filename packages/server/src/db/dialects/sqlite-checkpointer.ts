// WAL checkpoints off the request path. By default SQLite checkpoints inside the commit that
// pushes the write-ahead log past 1,000 pages: that commit copies the pages into the database
// file and syncs it before it returns. In a large file those pages are scattered, and on a busy
// disk the copy takes a second or more — one request in every few dozen writes waits for it
// (seen at a million people: order creation p50 10 ms, p95 1.6 s).
//
// A server instead runs PASSIVE checkpoints in a worker thread with its own connection: they
// copy what no reader still needs and never block the writer, whose commits only append to the
// log. The writer keeps a much higher automatic threshold as a backstop, so the log stays
// bounded even if the worker falls behind or dies.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The writer's own automatic checkpoint, in pages (4 KiB each: 64 MiB), while the worker runs. */
export const BACKSTOP_PAGES = 16_384;
const INTERVAL_MS = 250;

export interface CheckpointStats {
  /** Checkpoints that copied the whole log into the database file. */
  completed: number;
}

// Plain JavaScript run by the worker (eval: the same code serves the built server and the tests).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
let stopped = false;
parentPort.on('message', (message) => { if (message === 'stop') stopped = true; });
const tick = () => {
  if (stopped) { db.close(); parentPort.close(); return; }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.log > 0 && result.checkpointed > 0) parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    // SQLITE_BUSY and the like: the next tick tries again; the writer's backstop bounds the log.
  }
  setTimeout(tick, workerData.intervalMs);
};
tick();
`;

export interface Checkpointer {
  readonly stats: CheckpointStats;
  stop(): Promise<void>;
}

/**
 * Starts checkpointing the WAL of the database file at `path` in a worker thread.
 * @example const checkpointer = startCheckpointer('./data/rapport.db'); … await checkpointer.stop();
 */
export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs: INTERVAL_MS } });
  worker.unref(); // a command that is done does not wait for its checkpointer
  const stats: CheckpointStats = { completed: 0 };
  worker.on('message', ({ log, checkpointed }: { log: number; checkpointed: number }) => {
    if (checkpointed === log) stats.completed += 1;
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => undefined); // the backstop keeps the log bounded
  return {
    stats,
    async stop() {
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await worker.terminate();
    },
  };
}
