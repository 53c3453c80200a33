// Customers in groups — companies with their people — and scoring a group from their evidence.
// Pure: the in-process pass and the recompute's worker threads (`metrics-workers.ts`) share it,
// so either gives the same metrics.
import type { RfmBreakpoints } from '@rapport/core';
import type { Evidence } from './evidence.js';
import { companyMetrics, metricValues, personMetrics, type Metrics, type Models } from './metrics.js';
import type { GroupResult, GroupTask, ScoredRow } from './metrics-workers.js';
import type { PredictionMemo } from './prediction.js';
import type { ScannedPurchases } from './evidence-scan.js';
import { evidenceOf, type ScanColumns } from './scan-columns.js';

export type ScoringModels = Models & { companyRfm: RfmBreakpoints | null };

export interface Scored {
  evidence: Evidence;
  metrics: Metrics;
}

/** People per group, about: a company with more is a group of its own. */
const PEOPLE_CHUNK = 500;

/** Customers scored together: companies, then all the people whose evidence their metrics need. */
export interface Group {
  companies: string[];
  people: string[];
}

/** Distinct purchase summaries a memo keeps before it starts again. */
const MEMO_LIMIT = 200_000;

/**
 * Metrics of `people` (evidence in the order given) and of `companyIds`, each from those of
 * its people that are in the group. `memo` shares model outputs between people scored with the
 * same models at the same instant.
 */
export function scoreGroup(people: readonly Evidence[], companyIds: readonly string[], models: ScoringModels, asOf: number, memo: PredictionMemo): { people: Scored[]; companies: { id: string; metrics: Metrics }[] } {
  // Keeps the memo small: summaries repeat within a run, but a million distinct ones need not stay.
  if (memo.size > MEMO_LIMIT) memo.clear();
  const scored = people.map((evidence) => ({ evidence, metrics: personMetrics(evidence, models, asOf, memo) }));
  if (companyIds.length === 0) return { people: scored, companies: [] };
  const ofCompany = new Map<string, Scored[]>(companyIds.map((id) => [id, []]));
  for (const person of scored) if (person.evidence.companyId !== null) ofCompany.get(person.evidence.companyId)?.push(person);
  return { people: scored, companies: companyIds.map((id) => ({ id, metrics: companyMetrics(ofCompany.get(id)!, models, asOf) })) };
}

/**
 * A full pass's group, scored from the scanned columns: what a worker thread answers, and what
 * the main thread does itself when no worker's answer is ready.
 */
export function scoreTask(columns: ScanColumns, models: ScoringModels, asOf: number, memo: PredictionMemo, task: GroupTask): GroupResult {
  const scored = scoreGroup(task.people.map((p) => evidenceOf(columns, p)), task.companies, models, asOf, memo);
  const row = (id: string, metrics: Metrics): ScoredRow => ({ id, values: metricValues(metrics) });
  return {
    id: task.id,
    people: task.writePeople ? scored.people.map((person) => row(person.evidence.personId, person.metrics)) : [],
    companies: scored.companies.map((company) => row(company.id, company.metrics)),
  };
}

/** Every scanned customer in groups: companies with their people, then the people of no (live) company. */
export function* everyone(scan: ScannedPurchases): Generator<Group> {
  const byCompany = new Map<string, string[]>(scan.companies.map((id) => [id, []]));
  const alone: string[] = [];
  for (const person of scan.people) {
    const members = person.companyId === null ? undefined : byCompany.get(person.companyId);
    if (members) members.push(person.id);
    else alone.push(person.id);
  }
  yield* households(scan.companies, byCompany);
  for (let start = 0; start < alone.length; start += PEOPLE_CHUNK) yield { companies: [], people: alone.slice(start, start + PEOPLE_CHUNK) };
}

/**
 * Companies (ids in order) with their people (`byCompany`, each in id order), in groups of about
 * PEOPLE_CHUNK people — a bigger company is a group of its own — so that each person's evidence
 * is read and scored once, for their own metrics and their company's.
 */
export function* households(companyIds: readonly string[], byCompany: ReadonlyMap<string, readonly string[]>): Generator<Group> {
  let group: Group = { companies: [], people: [] };
  for (const id of companyIds) {
    const members = byCompany.get(id)!;
    if (group.companies.length > 0 && group.people.length + members.length > PEOPLE_CHUNK) {
      yield group;
      group = { companies: [], people: [] };
    }
    group.companies.push(id);
    group.people.push(...members);
  }
  if (group.companies.length > 0) yield group;
}
