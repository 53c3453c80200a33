// A full recompute's fitting thread (started by `fitInWorker` in `metrics-workers.ts`): fits the
// churn models to the sample it is given and answers with the outcome, while the main thread
// reads the rest of the evidence.
import { parentPort, workerData } from 'node:worker_threads';
import { fitChurnSample, type ChurnSample } from './fitting.js';

parentPort!.postMessage(await fitChurnSample(workerData as ChurnSample));
