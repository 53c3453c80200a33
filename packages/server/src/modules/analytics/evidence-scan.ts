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
//
// The scan comes in two parts: `scanPurchases` (companies, people, paid orders: what a refit
// needs, so a full recompute fits the models in a worker thread while it reads the rest) and
// `scanEvidence`, which reads the rest.
import type { RequestContext } from '../../engine/context.js';
import { isNegotiated, loweredDeals, type Evidence, type EvidenceChunk } from './evidence.js';
import type { Purchase } from './prediction.js';
import { byText, Codes, Column, evidenceOf, floats, groupByPerson, ints, rowsOf, shared, type ScanColumns } from './scan-columns.js';
import { commentSentiment, noteText, sentimentOf, type ScoredTexts } from './sentiment.js';

const num = (value: unknown) => Number(value ?? 0);

/** The first part of a full scan: live companies, live people, and their paid orders. */
export interface ScannedPurchases {
  /** Live companies' ids, in order. */
  companies: string[];
  /** Live people's ids, in order, with the id of their company (live or not) or null. */
  people: { id: string; companyId: string | null }[];
  /** A live person's place in `people` and the columns. */
  placeOf(personId: string): number | undefined;
  orders: ScanColumns['orders'];
}

export interface ScannedEvidence extends ScannedPurchases {
  columns: ScanColumns;
  /** Texts with no stored tone, scored during the scan. */
  scored: ScoredTexts;
  /** Live members per campaign, counted by the scan. */
  campaignMembers: Map<string, number>;
  /** The evidence of these people (unknown ones left out), as `loadEvidence` gives it. */
  chunk(personIds: readonly string[]): EvidenceChunk;
}

/** Live companies and people, and the people's paid orders: each table read once. */
export async function scanPurchases(ctx: RequestContext): Promise<ScannedPurchases> {
  const { db, dialect } = ctx;
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
  return {
    companies, people, placeOf: (personId) => index.get(personId),
    orders: { group: groupByPerson(orderPerson, count), at: orderAt, total: total.values, cost: cost.values, list: list.values, discount: discount.values, viaCampaign: viaCampaign.values },
  };
}

/**
 * Every live person's evidence, each table read once (`purchases`: the first part, if already
 * read). `campaignSizes`: members per campaign as of the last refit (by default, as counted now).
 */
export async function scanEvidence(ctx: RequestContext, options: { campaignSizes?: Map<string, number>; purchases?: ScannedPurchases } = {}): Promise<ScannedEvidence> {
  const { db, dialect } = ctx;
  const first = options.purchases ?? await scanPurchases(ctx);
  const { companies, people, placeOf } = first;
  const count = people.length;
  const scored: ScoredTexts = { notes: [], comments: [] };

  const supportMinutes = shared(Float64Array, count);
  await dialect.scan(
    db.selectFrom('cases').select(['person_id', (eb) => eb.fn.sum('support_minutes').as('minutes')]).where('deleted_at', 'is', null).where('person_id', 'is not', null).groupBy('person_id'),
    ([personId, minutes]) => {
      const p = placeOf(personId as string);
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
    const p = placeOf(personId as string);
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
      const p = placeOf(personId as string);
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
      const p = placeOf(row[7] as string);
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
      const p = placeOf(personId as string);
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
    const p = placeOf(personId as string);
    if (p === undefined) return;
    dealPerson.push(p);
    dealId.push(id as string);
    dealNegotiated.push(isNegotiated(id as string, status as string, lostReason as string | null, lowered) ? 1 : 0);
  });

  const columns: ScanColumns = {
    people: people.map((person) => person.id), companyOf: people.map((person) => person.companyId), supportMinutes,
    orders: first.orders,
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
    columns, companies, people, placeOf, orders: first.orders, scored, campaignMembers: membersNow,
    chunk(personIds) {
      const result = new Map<string, Evidence>();
      for (const id of personIds) {
        const p = placeOf(id);
        if (p !== undefined && !result.has(id)) result.set(id, evidenceOf(columns, p));
      }
      return { people: result, scored: { notes: [], comments: [] } };
    },
  };
}


/** Live buyers (people with a paid order) in id order, with their company, orders, revenue and last order: what a refit counts. */
export function buyersOf(scan: ScannedPurchases): { id: string; companyId: string | null; orders: number; revenue: number; last: string }[] {
  const { orders } = scan;
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
export function purchasesOf(scan: ScannedPurchases, personIds: readonly string[]): Map<string, Purchase[]> {
  const { orders } = scan;
  const result = new Map<string, Purchase[]>();
  for (const id of personIds) {
    const p = scan.placeOf(id);
    if (p !== undefined) result.set(id, byText(rowsOf(orders.group, p), orders.at).map((i) => ({ at: orders.at[i], value: orders.total[i] })));
  }
  return result;
}
