// A full recompute's reads. `loadEvidence` finds a chunk's rows through each table's person index:
// right for one customer, but for everyone it is a random read per row (at a million people,
// ~35 million of them). `scanEvidence` reads each table once from start to end instead
// (`Dialect.scan`: a cursor, never the whole table in memory), keeps what the metrics need in
// compact columns grouped by person, and cuts any chunk's `Evidence` out of them — the same
// objects, in the same order, that `loadEvidence` returns (a test compares the two on both
// databases).
//
// Order: each table is read in id order and each person's rows are then sorted (stably) as
// `loadEvidence` sorts them — orders, answers and touches by time then id, notes by creation
// then id, memberships by campaign, deals by id — so sums come out bit for bit the same.
// Memory: ~30 bytes per interaction participant and ~60 per order, answer, note, membership or
// deal, plus the people's ids (~1 GB at a million people).
import type { Touch } from '@rapport/core';
import type { RequestContext } from '../../engine/context.js';
import { ENGAGED, NOT_SENT, isNegotiated, loweredDeals, type Evidence, type EvidenceChunk } from './evidence.js';
import type { Purchase } from './prediction.js';
import { commentSentiment, noteText, sentimentOf, type ScoredTexts } from './sentiment.js';

type TypedArray = Float64Array | Int32Array | Uint8Array;
type TypedArrayOf<A extends TypedArray> = { new (buffer: SharedArrayBuffer): A; BYTES_PER_ELEMENT: number };

/** A typed array in shared memory: the recompute's worker threads read it without a copy of their own. */
function shared<A extends TypedArray>(type: TypedArrayOf<A>, length: number): A {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/** A growable typed column. */
class Column<A extends TypedArray> {
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

const floats = () => new Column(new Float64Array(1024));
const ints = () => new Column(new Int32Array(1024));

/** Small sets of strings (channels, statuses…) stored as their codes; null is −1. */
class Codes {
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
interface Grouping {
  start: Int32Array;
  rows: Int32Array;
}

function groupByPerson(person: Column<Int32Array>, people: number): Grouping {
  const start = shared(Int32Array, people + 1);
  for (let i = 0; i < person.length; i++) start[person.data[i] + 1]++;
  for (let p = 0; p < people; p++) start[p + 1] += start[p];
  const next = start.slice(0, people);
  const rows = shared(Int32Array, person.length);
  for (let i = 0; i < person.length; i++) rows[next[person.data[i]]++] = i;
  return { start, rows };
}

/** The row numbers of person p in `grouping`. */
function rowsOf(grouping: Grouping, p: number): Int32Array {
  return grouping.rows.subarray(grouping.start[p], grouping.start[p + 1]);
}

const num = (value: unknown) => Number(value ?? 0);

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

export interface ScannedEvidence {
  columns: ScanColumns;
  /** Live companies' ids, in order. */
  companies: string[];
  /** Live people's ids, in order, with the id of their company (live or not) or null. */
  people: { id: string; companyId: string | null }[];
  /** Texts with no stored tone, scored during the scan. */
  scored: ScoredTexts;
  /** Live members per campaign, counted by the scan. */
  campaignMembers: Map<string, number>;
  /** A live person's place in `people` and the columns. */
  placeOf(personId: string): number | undefined;
  /** The evidence of these people (unknown ones left out), as `loadEvidence` gives it. */
  chunk(personIds: readonly string[]): EvidenceChunk;
}

/**
 * Every live person's evidence, each table read once. `campaignSizes`: members per campaign as of
 * the last refit (by default, as counted now).
 */
export async function scanEvidence(ctx: RequestContext, options: { campaignSizes?: Map<string, number> } = {}): Promise<ScannedEvidence> {
  const { db, dialect } = ctx;
  const scored: ScoredTexts = { notes: [], comments: [] };

  const companies: string[] = [];
  await dialect.scan(db.selectFrom('companies').select('id').where('deleted_at', 'is', null).orderBy('id'), ([id]) => {
    companies.push(id as string);
  });
  const people: { id: string; companyId: string | null }[] = [];
  const index = new Map<string, number>();
  await dialect.scan(db.selectFrom('people').select(['id', 'company_id']).where('deleted_at', 'is', null).orderBy('id'), ([id, companyId]) => {
    index.set(id as string, people.length);
    people.push({ id: id as string, companyId: (companyId as string | null) ?? null });
  });
  const count = people.length;

  // Orders: time as text (the metrics compare and parse it), amounts in minor units.
  const orderPerson = ints();
  const orderAt: string[] = [];
  const [total, cost, list, discount] = [floats(), floats(), floats(), floats()];
  const viaCampaign = new Column(new Uint8Array(1024));
  await dialect.scan(
    db.selectFrom('orders').select(['person_id', 'ordered_at', 'total', 'cost_total', 'subtotal', 'discount_total', 'campaign_id'])
      .where('deleted_at', 'is', null).where('status', 'not in', ['cancelled', 'refunded']).orderBy('id'),
    ([personId, at, t, c, s, d, campaignId]) => {
      const p = index.get(personId as string);
      if (p === undefined) return;
      orderPerson.push(p);
      orderAt.push(at as string);
      total.push(num(t));
      cost.push(num(c));
      list.push(num(s));
      discount.push(num(d));
      viaCampaign.push(campaignId === null ? 0 : 1);
    },
  );

  const supportMinutes = shared(Float64Array, count);
  await dialect.scan(
    db.selectFrom('cases').select(['person_id', (eb) => eb.fn.sum('support_minutes').as('minutes')]).where('deleted_at', 'is', null).where('person_id', 'is not', null).groupBy('person_id'),
    ([personId, minutes]) => {
      const p = index.get(personId as string);
      if (p !== undefined) supportMinutes[p] = num(minutes);
    },
  );

  // Memberships; each member of a live campaign bears an equal share of its actual cost.
  const actualCost = new Map<string, number>();
  await dialect.scan(db.selectFrom('campaigns').select(['id', 'actual_cost']).where('deleted_at', 'is', null), ([id, actual]) => {
    actualCost.set(id as string, num(actual));
  });
  const campaigns = new Codes();
  const statuses = new Codes();
  const membersNow = new Map<string, number>();
  const [memberPerson, memberCampaign, memberStatus] = [ints(), ints(), ints()];
  await dialect.scan(db.selectFrom('campaign_members').select(['person_id', 'campaign_id', 'status']).where('deleted_at', 'is', null).orderBy('id'), ([personId, campaignId, status]) => {
    membersNow.set(campaignId as string, (membersNow.get(campaignId as string) ?? 0) + 1);
    const p = index.get(personId as string);
    if (p === undefined) return;
    memberPerson.push(p);
    memberCampaign.push(campaigns.code(campaignId));
    memberStatus.push(statuses.code(status));
  });
  const costPerMember = Float64Array.from(campaigns.names, (id) => {
    const actual = actualCost.get(id);
    return actual === undefined ? Number.NaN : actual / Math.max(1, options.campaignSizes?.get(id) ?? membersNow.get(id) ?? 1);
  });

  const answerPerson = ints();
  const answerAt: string[] = [];
  const answerKinds = new Codes();
  const [answerKind, answerScore, answerTone] = [ints(), floats(), floats()];
  await dialect.scan(
    db.selectFrom('survey_responses').select(['id', 'person_id', 'kind', 'score', 'responded_at', 'comment', 'comment_sentiment']).where('deleted_at', 'is', null).orderBy('id'),
    ([id, personId, kind, score, at, comment, stored]) => {
      const p = index.get(personId as string);
      if (p === undefined) return;
      let tone = Number.NaN;
      if (comment) {
        tone = stored === null ? commentSentiment(comment)! : Number(stored);
        if (stored === null) scored.comments.push({ id: id as string, values: [tone] });
      }
      answerPerson.push(p);
      answerAt.push(at as string);
      answerKind.push(answerKinds.code(kind));
      answerScore.push(num(score));
      answerTone.push(tone);
    },
  );

  // Touches: each interaction with its participants, rows of one interaction together (id
  // order), so the participants are counted and a person listed twice takes part once.
  const touchPerson = ints();
  const [touchAt, touchDuration] = [floats(), floats()];
  const [channels, directions, initiators, outcomes] = [new Codes(), new Codes(), new Codes(), new Codes()];
  const [touchChannel, touchDirection, touchInitiator, touchOutcome, touchParticipants] = [ints(), ints(), ints(), ints(), ints()];
  let current: unknown = null;
  let fields: unknown[] = [];
  let members: number[] = [];
  let participants = 0;
  const flushInteraction = () => {
    const seen = new Set<number>();
    for (const p of members) {
      if (seen.has(p)) continue;
      seen.add(p);
      touchPerson.push(p);
      touchAt.push(Date.parse(fields[1] as string));
      touchChannel.push(channels.code(fields[2]));
      touchDirection.push(directions.code(fields[3]));
      touchInitiator.push(initiators.code(fields[4]));
      touchDuration.push(fields[5] === null ? Number.NaN : num(fields[5]));
      touchOutcome.push(outcomes.code(fields[6]));
      touchParticipants.push(participants);
    }
  };
  await dialect.scan(
    db.selectFrom('interactions as i').innerJoin('interaction_participants as q', 'q.interaction_id', 'i.id')
      .select(['i.id', 'i.occurred_at', 'i.channel', 'i.direction', 'i.initiated_by', 'i.duration_seconds', 'i.outcome', 'q.person_id'])
      .where('i.deleted_at', 'is', null).orderBy('i.id'),
    (row) => {
      if (row[0] !== current) {
        if (current !== null) flushInteraction();
        current = row[0];
        fields = row;
        members = [];
        participants = 0;
      }
      participants += 1;
      const p = index.get(row[7] as string);
      if (p !== undefined) members.push(p);
    },
  );
  if (current !== null) flushInteraction();

  const notePerson = ints();
  const noteAt: string[] = [];
  const noteTone = floats();
  await dialect.scan(
    db.selectFrom('notes').select(['id', 'person_id', 'created_at', 'sentiment', 'title', 'body']).where('deleted_at', 'is', null).where('person_id', 'is not', null).orderBy('id'),
    ([id, personId, at, stored, title, body]) => {
      const p = index.get(personId as string);
      if (p === undefined) return;
      const tone = stored === null ? sentimentOf(noteText(title, body)) : Number(stored);
      if (stored === null) scored.notes.push({ id: id as string, values: [tone] });
      notePerson.push(p);
      noteAt.push(at as string);
      noteTone.push(tone);
    },
  );

  const lowered = await loweredDeals(ctx);
  const dealPerson = ints();
  const dealId: string[] = [];
  const dealNegotiated = new Column(new Uint8Array(1024));
  await dialect.scan(db.selectFrom('deals').select(['id', 'person_id', 'status', 'lost_reason']).where('deleted_at', 'is', null).where('person_id', 'is not', null).orderBy('id'), ([id, personId, status, lostReason]) => {
    const p = index.get(personId as string);
    if (p === undefined) return;
    dealPerson.push(p);
    dealId.push(id as string);
    dealNegotiated.push(isNegotiated(id as string, status as string, lostReason as string | null, lowered) ? 1 : 0);
  });

  const columns: ScanColumns = {
    people: people.map((person) => person.id), companyOf: people.map((person) => person.companyId), supportMinutes,
    orders: { group: groupByPerson(orderPerson, count), at: orderAt, total: total.values, cost: cost.values, list: list.values, discount: discount.values, viaCampaign: viaCampaign.values },
    members: { group: groupByPerson(memberPerson, count), campaign: memberCampaign.values, status: memberStatus.values, campaigns: campaigns.names, statuses: statuses.names, costPerMember },
    answers: { group: groupByPerson(answerPerson, count), at: answerAt, kind: answerKind.values, kinds: answerKinds.names, score: answerScore.values, tone: answerTone.values },
    touches: {
      group: groupByPerson(touchPerson, count), at: touchAt.values, duration: touchDuration.values, participants: touchParticipants.values,
      channel: touchChannel.values, direction: touchDirection.values, initiator: touchInitiator.values, outcome: touchOutcome.values,
      channels: channels.names, directions: directions.names, initiators: initiators.names, outcomes: outcomes.names,
    },
    notes: { group: groupByPerson(notePerson, count), at: noteAt, tone: noteTone.values },
    deals: { group: groupByPerson(dealPerson, count), id: dealId, negotiated: dealNegotiated.values },
  };
  return {
    columns, companies, people, scored, campaignMembers: membersNow,
    placeOf: (personId) => index.get(personId),
    chunk(personIds) {
      const result = new Map<string, Evidence>();
      for (const id of personIds) {
        const p = index.get(id);
        if (p !== undefined && !result.has(id)) result.set(id, evidenceOf(columns, p));
      }
      return { people: result, scored: { notes: [], comments: [] } };
    },
  };
}

/** Stable sort of row numbers by a text key: ties keep the reading (id) order. */
function byText(rows: Int32Array, key: readonly string[]): number[] {
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

/** Live buyers (people with a paid order) in id order, with their company, orders, revenue and last order: what a refit counts. */
export function buyersOf(scan: ScannedEvidence): { id: string; companyId: string | null; orders: number; revenue: number; last: string }[] {
  const { orders } = scan.columns;
  const buyers = [];
  for (let p = 0; p < scan.people.length; p++) {
    const rows = rowsOf(orders.group, p);
    if (rows.length === 0) continue;
    let revenue = 0;
    let last = '';
    for (const i of rows) {
      revenue += orders.total[i];
      if (orders.at[i] > last) last = orders.at[i];
    }
    buyers.push({ id: scan.people[p].id, companyId: scan.people[p].companyId, orders: rows.length, revenue, last });
  }
  return buyers;
}

/** Each of these live people's paid purchases (time and total), by person id. */
export function purchasesOf(scan: ScannedEvidence, personIds: readonly string[]): Map<string, Purchase[]> {
  const { orders } = scan.columns;
  const result = new Map<string, Purchase[]>();
  for (const id of personIds) {
    const p = scan.placeOf(id);
    if (p !== undefined) result.set(id, byText(rowsOf(orders.group, p), orders.at).map((i) => ({ at: orders.at[i], value: orders.total[i] })));
  }
  return result;
}
