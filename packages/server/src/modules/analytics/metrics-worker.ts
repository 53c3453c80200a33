// A recompute's worker thread (started by `metrics-workers.ts`): reads the scanned evidence
// columns (typed arrays shared with the main thread, texts copied) with the models, and scores
// the groups it is sent, answering with each customer's metrics — the main thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanColumns } from './scan-columns.js';
import { scoreTask, type ScoringModels } from './households.js';
import type { PredictionMemo } from './prediction.js';
import type { GroupTask } from './metrics-workers.js';

const { columns, models, asOf } = workerData as { columns: ScanColumns; models: ScoringModels; asOf: number };
const memo: PredictionMemo = new Map();

parentPort!.on('message', (task: GroupTask) => parentPort!.postMessage(scoreTask(columns, models, asOf, memo, task)));
