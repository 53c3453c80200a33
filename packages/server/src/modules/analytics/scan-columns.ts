// The layout of a full recompute's scan (`evidence-scan.ts`): what it read, kept in compact columns
// grouped by person — typed arrays in shared memory (the recompute's worker threads read them
// without a copy), small sets of strings as codes — and `evidenceOf`, which cuts one person's
// `Evidence` out of them. Pure: a worker thread with a copy of the columns gives the same.
import type { Touch } from '@rapport/core';
import { ENGAGED, NOT_SENT, type Evidence } from './evidence.js';

type TypedArray = Float64Array | Int32Array | Uint8Array;
type TypedArrayOf<A extends TypedArray> = { new (buffer: SharedArrayBuffer): A; BYTES_PER_ELEMENT: number };

/** A typed array in shared memory: the recompute's worker threads read it without a copy of their own. */
export function shared<A extends TypedArray>(type: TypedArrayOf<A>, length: number): A {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/** A growable typed column. */
export class Column<A extends TypedArray> {
  length = 0;
  constructor(public data: A) {}

  /** The values, trimmed to their length, in shared memory. */
  get values(): A {
    const values = shared(this.data.constructor as TypedArrayOf<A>, this.length);
    values.set(this.data.subarray(0, this.length));
    return values;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new (this.data.constructor as new (size: number) => A)(Math.max(1024, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

export const floats = () => new Column(new Float64Array(1024));
export const ints = () => new Column(new Int32Array(1024));

/** Small sets of strings (channels, statuses…) stored as their codes; null is −1. */
export class Codes {
  readonly names: string[] = [];
  readonly #codes = new Map<string, number>();

  code(value: unknown): number {
    if (value === null || value === undefined) return -1;
    const name = String(value);
    let code = this.#codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.#codes.set(name, code);
    }
    return code;
  }

}

/** Rows of one table grouped by person: person p's rows are `rows[start[p]] … rows[start[p + 1] − 1]`, in reading order. */
export interface Grouping {
  start: Int32Array;
  rows: Int32Array;
}

export function groupByPerson(person: Column<Int32Array>, people: number): Grouping {
  const start = shared(Int32Array, people + 1);
  for (let i = 0; i < person.length; i++) start[person.data[i] + 1]++;
  for (let p = 0; p < people; p++) start[p + 1] += start[p];
  const next = start.slice(0, people);
  const rows = shared(Int32Array, person.length);
  for (let i = 0; i < person.length; i++) rows[next[person.data[i]]++] = i;
  return { start, rows };
}

/** The row numbers of person p in `grouping`. */
export function rowsOf(grouping: Grouping, p: number): Int32Array {
  return grouping.rows.subarray(grouping.start[p], grouping.start[p + 1]);
}

/**
 * What the scan kept, as plain data (typed arrays and arrays of text): person p is `people[p]`;
 * each table's rows are grouped by person.
 */
export interface ScanColumns {
  people: string[];
  companyOf: (string | null)[];
  supportMinutes: Float64Array;
  orders: { group: Grouping; at: string[]; total: Float64Array; cost: Float64Array; list: Float64Array; discount: Float64Array; viaCampaign: Uint8Array };
  /** Per campaign (by code): its actual cost per member, or NaN when the campaign is not live. */
  members: { group: Grouping; campaign: Int32Array; status: Int32Array; campaigns: string[]; statuses: string[]; costPerMember: Float64Array };
  answers: { group: Grouping; at: string[]; kind: Int32Array; kinds: string[]; score: Float64Array; tone: Float64Array };
  touches: {
    group: Grouping; at: Float64Array; duration: Float64Array; participants: Int32Array;
    channel: Int32Array; direction: Int32Array; initiator: Int32Array; outcome: Int32Array;
    channels: string[]; directions: string[]; initiators: string[]; outcomes: string[];
  };
  notes: { group: Grouping; at: string[]; tone: Float64Array };
  deals: { group: Grouping; id: string[]; negotiated: Uint8Array };
}

/** Stable sort of row numbers by a text key: ties keep the reading (id) order. */
export function byText(rows: Int32Array, key: readonly string[]): number[] {
  return [...rows].sort((a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0));
}

const nameOf = (names: readonly string[], code: number) => (code < 0 ? null : names[code]);

/** Person p's evidence from the scan's columns (pure: a worker with a copy of the columns gives the same). */
export function evidenceOf(columns: ScanColumns, p: number): Evidence {
  const { orders, members, answers, touches, notes, deals } = columns;
  const evidence: Evidence = {
    personId: columns.people[p], companyId: columns.companyOf[p], orders: [], supportMinutes: columns.supportMinutes[p], campaignCost: 0,
    campaigns: { sent: 0, engaged: 0 }, answers: [], touches: [], sentiments: [], deals: [],
  };
  for (const i of byText(rowsOf(orders.group, p), orders.at)) {
    evidence.orders.push({ at: orders.at[i], total: orders.total[i], cost: orders.cost[i], list: orders.list[i], discount: orders.discount[i], viaCampaign: orders.viaCampaign[i] === 1 });
  }
  const campaignOf = Array.from(rowsOf(members.group, p), (i) => members.campaigns[members.campaign[i]]);
  const memberRows = [...rowsOf(members.group, p)].map((row, k) => ({ row, campaign: campaignOf[k] }))
    .sort((a, b) => (a.campaign < b.campaign ? -1 : a.campaign > b.campaign ? 1 : 0));
  for (const { row } of memberRows) {
    const share = members.costPerMember[members.campaign[row]];
    if (Number.isNaN(share)) continue;
    evidence.campaignCost += share;
    const status = members.statuses[members.status[row]];
    if (!NOT_SENT.has(status)) evidence.campaigns.sent += 1;
    if (ENGAGED.has(status)) evidence.campaigns.engaged += 1;
  }
  for (const i of byText(rowsOf(answers.group, p), answers.at)) {
    evidence.answers.push({ kind: answers.kinds[answers.kind[i]] as 'nps' | 'csat', score: answers.score[i], at: answers.at[i] });
    if (!Number.isNaN(answers.tone[i])) evidence.sentiments.push(answers.tone[i]);
  }
  for (const i of [...rowsOf(touches.group, p)].sort((a, b) => touches.at[a] - touches.at[b])) {
    evidence.touches.push({
      at: touches.at[i], channel: touches.channels[touches.channel[i]], direction: touches.directions[touches.direction[i]] as Touch['direction'],
      initiatedBy: nameOf(touches.initiators, touches.initiator[i]) as Touch['initiatedBy'], durationSeconds: Number.isNaN(touches.duration[i]) ? null : touches.duration[i],
      outcome: nameOf(touches.outcomes, touches.outcome[i]), participants: touches.participants[i],
    });
  }
  for (const i of byText(rowsOf(notes.group, p), notes.at)) evidence.sentiments.push(notes.tone[i]);
  for (const i of rowsOf(deals.group, p)) evidence.deals.push({ id: deals.id[i], negotiated: deals.negotiated[i] === 1 });
  return evidence;
}
