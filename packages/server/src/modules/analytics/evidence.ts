// The evidence behind one customer's metrics, loaded for a chunk of people at once: their paid
// orders, support time, campaigns, survey answers, interactions, notes and deals. Reads go
// through the context's workspace-scoped handle; rows come back in a stable order so that a
// person's metrics depend only on their data, never on how the chunk was cut.
import type { Touch } from '@rapport/core';
import type { RequestContext } from '../../engine/context.js';
import { commentSentiment, noteText, sentimentOf, type ScoredTexts } from './sentiment.js';

export interface OrderFact { at: string; total: number; cost: number; list: number; discount: number; viaCampaign: boolean }
export interface AnswerFact { kind: 'nps' | 'csat'; score: number; at: string }
export interface DealFact { id: string; negotiated: boolean }

export interface Evidence {
  personId: string;
  companyId: string | null;
  orders: OrderFact[];
  supportMinutes: number;
  /** This person's share of the actual cost of the campaigns they were in (minor units). */
  campaignCost: number;
  campaigns: { sent: number; engaged: number };
  answers: AnswerFact[];
  touches: Touch[];
  /** The tone of their survey comments, then of the notes about them: the texts whose tone counts. */
  sentiments: number[];
  deals: DealFact[];
}

export const ENGAGED = new Set(['opened', 'clicked', 'responded', 'converted']);
export const NOT_SENT = new Set(['targeted', 'bounced']);
/** A lost reason that speaks of price is a negotiation lost. */
const PRICE_WORDS = /price|budget|expensive|cheaper|discount|cost/i;

const num = (value: unknown) => Number(value ?? 0);

/** Deals (of `dealIds`, or all) whose amount was ever lowered: a negotiation the customer won. */
export async function loweredDeals(ctx: RequestContext, dealIds?: readonly string[]): Promise<Set<string>> {
  const lowered = new Set<string>();
  if (dealIds?.length === 0) return lowered;
  let query = ctx.db.selectFrom('record_history').select(['record_id', 'old_value', 'new_value']).where('object', '=', 'deals').where('field', '=', 'amount');
  if (dealIds) query = query.where('record_id', 'in', [...dealIds]);
  const value = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  for (const change of await query.execute()) {
    const before = value(change.old_value);
    const after = value(change.new_value);
    if (typeof before === 'number' && typeof after === 'number' && after < before) lowered.add(change.record_id);
  }
  return lowered;
}

/** A deal negotiated on price: its amount was lowered, or it was lost for a reason that speaks of price. */
export function isNegotiated(id: string, status: string, lostReason: string | null, lowered: ReadonlySet<string>): boolean {
  return lowered.has(id) || (status === 'lost' && PRICE_WORDS.test(lostReason ?? ''));
}

/**
 * A comparator on text columns. Some evidence is sorted here rather than in SQL: an ORDER BY on a
 * column with an index of its own (notes.created_at) makes the planner walk that index over the
 * whole workspace instead of looking the person up.
 */
const by = <K extends string>(...keys: K[]) => (a: Record<K, unknown>, b: Record<K, unknown>) => {
  for (const key of keys) {
    const [x, y] = [String(a[key]), String(b[key])];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * Live members per campaign: of `campaignIds`, or of every campaign. Counted at each refit and
 * kept with the models: counting them for every person walked every member of their campaigns.
 */
export async function campaignSizes(ctx: RequestContext, campaignIds?: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (campaignIds?.length === 0) return sizes;
  let query = ctx.db.selectFrom('campaign_members').select(['campaign_id', (eb) => eb.fn.countAll().as('members')]).where('deleted_at', 'is', null);
  if (campaignIds) query = query.where('campaign_id', 'in', [...campaignIds]);
  for (const row of await query.groupBy('campaign_id').execute()) sizes.set(row.campaign_id, num(row.members));
  return sizes;
}

/**
 * Each live campaign's actual cost per member (minor units, a fraction): of `campaignIds`, or of
 * every live campaign. The cost is split evenly over the members the last refit counted (`sizes`,
 * a population figure like the RFM cut points), or over those counted now for a campaign newer
 * than that. The metrics and the profitability report both take a member's share from here, so a
 * customer's cost to serve is the same in a segment's report, the workspace's and their record.
 * With a `period` ([from, to), ISO instants), only the campaigns that started in it: on their
 * `startsOn` day (00:00 UTC), or when created if they have no start date.
 */
export async function costPerMember(
  ctx: RequestContext, sizes: ReadonlyMap<string, number> | null | undefined, campaignIds?: readonly string[], period: { from?: string; to?: string } = {},
): Promise<Map<string, number>> {
  const shares = new Map<string, number>();
  if (campaignIds?.length === 0) return shares;
  let query = ctx.db.selectFrom('campaigns').select(['id', 'actual_cost', 'starts_on', 'created_at']).where('deleted_at', 'is', null);
  if (campaignIds) query = query.where('id', 'in', [...campaignIds]);
  const started = (row: { starts_on: string | null; created_at: string }) => Date.parse(row.starts_on ? `${row.starts_on}T00:00:00.000Z` : row.created_at);
  const live = (await query.execute()).filter((row) => (!period.from || started(row) >= Date.parse(period.from)) && (!period.to || started(row) < Date.parse(period.to)));
  const counted = await campaignSizes(ctx, live.filter((row) => !sizes?.has(row.id) && num(row.actual_cost) !== 0).map((row) => row.id as string));
  for (const row of live) {
    const cost = num(row.actual_cost);
    shares.set(row.id, cost === 0 ? 0 : cost / Math.max(1, sizes?.get(row.id) ?? counted.get(row.id) ?? 1));
  }
  return shares;
}

export interface EvidenceChunk {
  /** Per person, in the order of the people's ids. */
  people: Map<string, Evidence>;
  /** Texts that had no stored tone and were scored now: to be stored with the metrics. */
  scored: ScoredTexts;
}

/**
 * Evidence for each of `personIds` (people that do not exist or are trashed are left out). Every
 * query finds rows through the table's person index, whatever the workspace's size.
 */
export async function loadEvidence(ctx: RequestContext, personIds: readonly string[], options: { campaignSizes?: Map<string, number> } = {}): Promise<EvidenceChunk> {
  const result = new Map<string, Evidence>();
  const scored: ScoredTexts = { notes: [], comments: [] };
  if (personIds.length === 0) return { people: result, scored };
  const db = ctx.db;
  const ids = [...personIds];
  const people = new Map((await db.selectFrom('people').select(['id', 'company_id']).where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((row) => [row.id as string, row]));
  for (const id of ids) {
    const row = people.get(id);
    if (!row || result.has(id)) continue;
    result.set(row.id, {
      personId: row.id, companyId: row.company_id ?? null, orders: [], supportMinutes: 0, campaignCost: 0,
      campaigns: { sent: 0, engaged: 0 }, answers: [], touches: [], sentiments: [], deals: [],
    });
  }
  const of = (id: string) => result.get(id);

  const orders = await db.selectFrom('orders').select(['person_id', 'ordered_at', 'total', 'cost_total', 'subtotal', 'discount_total', 'campaign_id'])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).where('status', 'not in', ['cancelled', 'refunded'])
    .orderBy('person_id').orderBy('ordered_at').orderBy('id').execute();
  for (const row of orders) {
    of(row.person_id)?.orders.push({
      at: row.ordered_at, total: num(row.total), cost: num(row.cost_total), list: num(row.subtotal), discount: num(row.discount_total), viaCampaign: row.campaign_id !== null,
    });
  }

  const support = await db.selectFrom('cases').select(['person_id', (eb) => eb.fn.sum('support_minutes').as('minutes')])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).groupBy('person_id').execute();
  for (const row of support) {
    const evidence = of(row.person_id);
    if (evidence) evidence.supportMinutes = num(row.minutes);
  }

  // Memberships by person (their index), then the few campaigns they name: joining campaigns
  // first would walk every member of every campaign.
  const memberships = (await db.selectFrom('campaign_members').select(['person_id', 'campaign_id', 'status'])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).execute()).sort(by('person_id', 'campaign_id'));
  const shares = await costPerMember(ctx, options.campaignSizes, [...new Set(memberships.map((row) => row.campaign_id as string))]);
  for (const row of memberships) {
    const evidence = of(row.person_id);
    const share = shares.get(row.campaign_id);
    if (!evidence || share === undefined) continue;
    evidence.campaignCost += share;
    if (!NOT_SENT.has(row.status)) evidence.campaigns.sent += 1;
    if (ENGAGED.has(row.status)) evidence.campaigns.engaged += 1;
  }

  const answers = await db.selectFrom('survey_responses').select(['id', 'person_id', 'kind', 'score', 'responded_at', 'comment', 'comment_sentiment'])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).orderBy('person_id').orderBy('responded_at').orderBy('id').execute();
  for (const row of answers) {
    const evidence = of(row.person_id);
    if (!evidence) continue;
    evidence.answers.push({ kind: row.kind, score: num(row.score), at: row.responded_at });
    if (!row.comment) continue;
    let tone = row.comment_sentiment === null ? null : Number(row.comment_sentiment);
    if (tone === null) {
      tone = commentSentiment(row.comment)!;
      scored.comments.push({ id: row.id, values: [tone] });
    }
    evidence.sentiments.push(tone);
  }

  const touches = await db.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .select((eb) => [
      'p.person_id', 'i.id as interaction_id', 'i.occurred_at', 'i.channel', 'i.direction', 'i.initiated_by', 'i.duration_seconds', 'i.outcome',
      eb.selectFrom('interaction_participants as q').select((inner) => inner.fn.countAll().as('n')).whereRef('q.interaction_id', '=', 'i.id').as('participants'),
    ])
    .where('p.person_id', 'in', ids).where('i.deleted_at', 'is', null).orderBy('p.person_id').orderBy('i.occurred_at').orderBy('i.id').execute();
  const seen = new Set<string>();
  for (const row of touches) {
    const evidence = of(row.person_id);
    // A person listed twice on one interaction (from and cc) took part once.
    const key = `${row.person_id}|${row.interaction_id}`;
    if (!evidence || seen.has(key)) continue;
    seen.add(key);
    evidence.touches.push({
      at: Date.parse(row.occurred_at), channel: row.channel, direction: row.direction, initiatedBy: row.initiated_by ?? null,
      durationSeconds: row.duration_seconds === null ? null : num(row.duration_seconds), outcome: row.outcome ?? null, participants: num(row.participants),
    });
  }

  const notes = (await db.selectFrom('notes').select(['person_id', 'title', 'body', 'sentiment', 'created_at', 'id'])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).execute()).sort(by('person_id', 'created_at', 'id'));
  for (const row of notes) {
    const evidence = of(row.person_id);
    if (!evidence) continue;
    let tone = row.sentiment === null ? null : Number(row.sentiment);
    if (tone === null) {
      tone = sentimentOf(noteText(row.title, row.body));
      scored.notes.push({ id: row.id, values: [tone] });
    }
    evidence.sentiments.push(tone);
  }

  const deals = (await db.selectFrom('deals').select(['id', 'person_id', 'status', 'lost_reason'])
    .where('person_id', 'in', ids).where('deleted_at', 'is', null).execute()).sort(by('person_id', 'id'));
  const lowered = await loweredDeals(ctx, deals.map((d) => d.id as string));
  for (const row of deals) {
    of(row.person_id)?.deals.push({ id: row.id, negotiated: isNegotiated(row.id, row.status, row.lost_reason ?? null, lowered) });
  }
  return { people: result, scored };
}
