// A recompute's worker thread (started by `metrics-workers.ts`): reads the scanned evidence
// columns (typed arrays shared with the main thread, texts copied) with the models, and scores
// the groups it is sent, answering with each customer's metrics — the main thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { evidenceOf, type ScanColumns } from './evidence-scan.js';
import { scoreGroup, type ScoringModels } from './households.js';
import type { PredictionMemo } from './prediction.js';
import { metricValues, type Metrics } from './metrics.js';
import type { GroupTask, ScoredRow } from './metrics-workers.js';

const { columns, models, asOf } = workerData as { columns: ScanColumns; models: ScoringModels; asOf: number };
const memo: PredictionMemo = new Map();
const row = (id: string, metrics: Metrics): ScoredRow => ({ id, values: metricValues(metrics) });

parentPort!.on('message', (task: GroupTask) => {
  const scored = scoreGroup(task.people.map((p) => evidenceOf(columns, p)), task.companies, models, asOf, memo);
  parentPort!.postMessage({
    id: task.id,
    people: task.writePeople ? scored.people.map((person) => row(person.evidence.personId, person.metrics)) : [],
    companies: scored.companies.map((company) => row(company.id, company.metrics)),
  });
});
