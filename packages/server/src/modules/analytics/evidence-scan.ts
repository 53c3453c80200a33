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
import { commentSentiment, noteText, sentimentOf, type ScoredTexts } from './sentiment.js';

type TypedArray = Float64Array | Int32Array | Uint8Array;

/** A growable typed column. */
class Column<A extends TypedArray> {
  length = 0;
  constructor(public data: A) {}

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

  name(code: number): string | null {
    return code < 0 ? null : this.names[code];
  }
}

/** Rows of one table grouped by person: person p's rows are `rows[start[p]] … rows[start[p + 1] − 1]`, in reading order. */
interface Grouping {
  start: Int32Array;
  rows: Int32Array;
}

function groupByPerson(person: Column<Int32Array>, people: number): Grouping {
  const start = new Int32Array(people + 1);
  for (let i = 0; i < person.length; i++) start[person.data[i] + 1]++;
  for (let p = 0; p < people; p++) start[p + 1] += start[p];
  const next = start.slice(0, people);
  const rows = new Int32Array(person.length);
  for (let i = 0; i < person.length; i++) rows[next[person.data[i]]++] = i;
  return { start, rows };
}

/** The row numbers of person p in `grouping`. */
function rowsOf(grouping: Grouping, p: number): Int32Array {
  return grouping.rows.subarray(grouping.start[p], grouping.start[p + 1]);
}

const num = (value: unknown) => Number(value ?? 0);

export interface ScannedEvidence {
  /** Live companies' ids, in order. */
  companies: string[];
  /** Live people's ids, in order, with the id of their company (live or not) or null. */
  people: { id: string; companyId: string | null }[];
  /** Texts with no stored tone, scored during the scan. */
  scored: ScoredTexts;
  /** The evidence of these people (unknown ones left out), as `loadEvidence` gives it. */
  chunk(personIds: readonly string[]): EvidenceChunk;
}

/** Every live person's evidence, each table read once. `campaignSizes`: members per campaign as of the last refit. */
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

  const supportMinutes = new Float64Array(count);
  await dialect.scan(
    db.selectFrom('cases').select(['person_id', (eb) => eb.fn.sum('support_minutes').as('minutes')]).where('deleted_at', 'is', null).where('person_id', 'is not', null).groupBy('person_id'),
    ([personId, minutes]) => {
      const p = index.get(personId as string);
      if (p !== undefined) supportMinutes[p] = num(minutes);
    },
  );

  // Memberships of live campaigns; each member bears an equal share of its actual cost.
  const campaignCost = new Map<string, number>();
  await dialect.scan(db.selectFrom('campaigns').select(['id', 'actual_cost']).where('deleted_at', 'is', null), ([id, actual]) => {
    campaignCost.set(id as string, num(actual));
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
  const sizeOf = (id: string) => options.campaignSizes?.get(id) ?? membersNow.get(id) ?? 1;

  const answerPerson = ints();
  const answerAt: string[] = [];
  const [answerKind, answerScore, answerTone] = [new Codes(), floats(), floats()];
  const answerKinds = ints();
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
      answerKinds.push(answerKind.code(kind));
      answerScore.push(num(score));
      answerTone.push(tone);
    },
  );

  // Touches: each interaction with its participants, rows of one interaction together (id
  // order), so the participants are counted and a person listed twice takes part once.
  const touchPerson = ints();
  const touchAt = floats();
  const touchDuration = floats();
  const [channels, directions, initiators, outcomes] = [new Codes(), new Codes(), new Codes(), new Codes()];
  const [touchChannel, touchDirection, touchInitiator, touchOutcome, touchParticipants] = [ints(), ints(), ints(), ints(), ints()];
  let current: unknown = null;
  let members: number[] = [];
  let fields: unknown[] = [];
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
  let participants = 0;
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

  const groups = {
    orders: groupByPerson(orderPerson, count), members: groupByPerson(memberPerson, count), answers: groupByPerson(answerPerson, count),
    touches: groupByPerson(touchPerson, count), notes: groupByPerson(notePerson, count), deals: groupByPerson(dealPerson, count),
  };
  /** Stable sort of row numbers by a text key: ties keep the reading (id) order. */
  const byText = (rows: Int32Array, key: (row: number) => string) => [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

  function evidenceOf(p: number): Evidence {
    const person = people[p];
    const evidence: Evidence = {
      personId: person.id, companyId: person.companyId, orders: [], supportMinutes: supportMinutes[p], campaignCost: 0,
      campaigns: { sent: 0, engaged: 0 }, answers: [], touches: [], sentiments: [], deals: [],
    };
    for (const i of byText(rowsOf(groups.orders, p), (i) => orderAt[i])) {
      evidence.orders.push({ at: orderAt[i], total: total.data[i], cost: cost.data[i], list: list.data[i], discount: discount.data[i], viaCampaign: viaCampaign.data[i] === 1 });
    }
    for (const i of byText(rowsOf(groups.members, p), (i) => campaigns.names[memberCampaign.data[i]])) {
      const campaignId = campaigns.names[memberCampaign.data[i]];
      const share = campaignCost.get(campaignId);
      if (share === undefined) continue;
      evidence.campaignCost += share / Math.max(1, sizeOf(campaignId));
      const status = statuses.names[memberStatus.data[i]];
      if (!NOT_SENT.has(status)) evidence.campaigns.sent += 1;
      if (ENGAGED.has(status)) evidence.campaigns.engaged += 1;
    }
    for (const i of byText(rowsOf(groups.answers, p), (i) => answerAt[i])) {
      evidence.answers.push({ kind: answerKind.names[answerKinds.data[i]] as 'nps' | 'csat', score: answerScore.data[i], at: answerAt[i] });
      if (!Number.isNaN(answerTone.data[i])) evidence.sentiments.push(answerTone.data[i]);
    }
    const touchRows = [...rowsOf(groups.touches, p)].sort((a, b) => touchAt.data[a] - touchAt.data[b]);
    for (const i of touchRows) {
      const touch: Touch = {
        at: touchAt.data[i], channel: channels.names[touchChannel.data[i]], direction: directions.names[touchDirection.data[i]] as Touch['direction'],
        initiatedBy: initiators.name(touchInitiator.data[i]) as Touch['initiatedBy'], durationSeconds: Number.isNaN(touchDuration.data[i]) ? null : touchDuration.data[i],
        outcome: outcomes.name(touchOutcome.data[i]), participants: touchParticipants.data[i],
      };
      evidence.touches.push(touch);
    }
    for (const i of byText(rowsOf(groups.notes, p), (i) => noteAt[i])) evidence.sentiments.push(noteTone.data[i]);
    for (const i of rowsOf(groups.deals, p)) evidence.deals.push({ id: dealId[i], negotiated: dealNegotiated.data[i] === 1 });
    return evidence;
  }

  return {
    companies, people, scored,
    chunk(personIds) {
      const result = new Map<string, Evidence>();
      for (const id of personIds) {
        const p = index.get(id);
        if (p !== undefined && !result.has(id)) result.set(id, evidenceOf(p));
      }
      return { people: result, scored: { notes: [], comments: [] } };
    },
  };
}
