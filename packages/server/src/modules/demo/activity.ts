// Interactions: the touchpoints from which relationship strength is measured (SPEC §7.5, seed
// 000: time, frequency, reciprocity, intensity). Strong ties talk often, both ways, at length;
// weak ties are rare and one-directional. Every conversation is a chain of `inReplyToId`.
import { interactions as interactionObject } from '@rapport/core';
import { ARCHETYPES } from './archetypes.js';
import { CALL_SUBJECTS, CHAT_SUBJECTS, EMAIL_BODIES, fill, MEETING_SUBJECTS, SUBJECTS, WEB_PAGES, type Purpose } from './phrases.js';
import { DAY, HOUR, MINUTE, weighted, YEAR, type WeightedTable } from './random.js';
import { complete, type ChunkRows, type DemoWorld, type PersonPlan } from './records.js';

type Direction = 'inbound' | 'outbound';
type Sentiment = keyof typeof EMAIL_BODIES;
type Tie = 'strong' | 'medium' | 'weak';

/** How long and how readily each kind of tie talks. */
const TIES: Record<Tie, { callMinutes: number; meetingMinutes: number; answers: number; replyHours: number; meetings: number }> = {
  strong: { callMinutes: 14, meetingMinutes: 65, answers: 0.8, replyHours: 5, meetings: 0.2 },
  medium: { callMinutes: 7, meetingMinutes: 40, answers: 0.6, replyHours: 20, meetings: 0.08 },
  weak: { callMinutes: 3, meetingMinutes: 25, answers: 0.4, replyHours: 50, meetings: 0 },
};

const channelTables = new Map<string, WeightedTable<string>>();
function channelTable(direction: Direction, tie: Tie, isBusiness: boolean): WeightedTable<string> {
  const key = `${direction}/${tie}/${isBusiness}`;
  let table = channelTables.get(key);
  if (!table) {
    const meetings = isBusiness ? TIES[tie].meetings : 0;
    table = weighted(direction === 'outbound'
      ? [['email', 0.6], ['call', 0.22], ['meeting', meetings], ['sms', 0.04], ['social', 0.04], ['inPerson', isBusiness && tie === 'strong' ? 0.05 : 0]]
      : [['email', 0.45], ['call', 0.18], ['chat', 0.17], ['webVisit', 0.12], ['social', 0.04], ['sms', 0.04]]);
    channelTables.set(key, table);
  }
  return table;
}

export interface InteractionInput {
  at: number;
  channel: string;
  direction: Direction;
  initiatedBy: 'customer' | 'us';
  subject: string;
  body?: string | null;
  durationSeconds?: number | null;
  outcome?: string | null;
  inReplyToId?: string | null;
  ownerId: string | null;
  dealId?: string | null;
  caseId?: string | null;
  /** Colleagues copied in or attending too. */
  colleagues?: number;
}

/** Appends one interaction with its participants; returns its id. Future ones were scheduled earlier. */
export function addInteraction(world: DemoWorld, rows: ChunkRows, person: PersonPlan, input: InteractionInput): string {
  const { rng, now } = world;
  const createdAt = input.at <= now ? input.at : now - rng.between(1, 7) * DAY;
  const id = rng.id();
  const isMeeting = input.channel === 'meeting' || input.channel === 'inPerson';
  const role = isMeeting ? 'attendee' : input.direction === 'inbound' ? 'from' : 'to';
  const participants = [{ id: rng.id(), personId: person.id, role }];
  const colleagues = person.company?.members ?? [];
  for (let n = 0; n < (input.colleagues ?? 0) && colleagues.length > 1; n++) {
    const colleague = rng.pick(colleagues);
    if (colleague !== person && !participants.some((p) => p.personId === colleague.id)) {
      participants.push({ id: rng.id(), personId: colleague.id, role: isMeeting ? 'attendee' : 'cc' });
    }
  }
  rows.interactions.push(complete(interactionObject, id, createdAt, createdAt, {
    channel: input.channel, direction: input.direction, initiatedBy: input.initiatedBy, occurredAt: new Date(Math.round(input.at)).toISOString(),
    durationSeconds: input.durationSeconds ?? null, subject: input.subject, body: input.body ?? null, outcome: input.outcome ?? null,
    inReplyToId: input.inReplyToId ?? null, participants, companyId: person.company?.id ?? null, dealId: input.dealId ?? null,
    caseId: input.caseId ?? null, ownerId: input.ownerId,
  }));
  return id;
}

/** The words that fill a subject: the person's products and latest order before `at`. */
export function slotsFor(world: DemoWorld, person: PersonPlan, at: number): Record<string, string> {
  let order = person.orders[0];
  for (const o of person.orders) if (o.at <= at) order = o;
  const product = order ? world.rng.pick(order.products) : person.favourites[0] ?? world.catalogue.products[0];
  return { product: product.name, category: product.line.category.toLowerCase(), order: order?.number ?? 'your order', first: person.firstName };
}

export interface ConversationOptions {
  purpose: Purpose;
  direction: Direction;
  channel: string;
  ownerId: string | null;
  replyChance: number;
  sentiment: Sentiment;
  tie: Tie;
  dealId?: string | null;
  caseId?: string | null;
}

/**
 * One conversation: a first touch on a channel and, for written channels, the replies it gets
 * (each answered with `replyChance`, halving as the thread grows). Returns the time it ended.
 */
export function conversation(world: DemoWorld, rows: ChunkRows, person: PersonPlan, at: number, o: ConversationOptions): number {
  const { rng, now } = world;
  const tie = TIES[o.tie];
  const initiatedBy = o.direction === 'inbound' ? 'customer' : 'us';
  const slots = slotsFor(world, person, at);
  const base = { ownerId: o.ownerId, dealId: o.dealId, caseId: o.caseId, initiatedBy } as const;
  const isBusiness = person.company !== null;
  switch (o.channel) {
    case 'call': {
      const answered = o.direction === 'inbound' || rng.chance(tie.answers);
      const minutes = rng.logNormal(tie.callMinutes, 0.6);
      const outcome = answered ? 'completed' : rng.chance(0.4) ? 'leftMessage' : 'noAnswer';
      const id = addInteraction(world, rows, person, {
        ...base, at, channel: 'call', direction: o.direction, subject: fill(rng.pick(CALL_SUBJECTS), slots),
        durationSeconds: answered ? Math.round(minutes * 60) : outcome === 'leftMessage' ? rng.int(15, 45) : 0, outcome,
      });
      if (!answered && rng.chance(o.replyChance)) {
        const back = at + rng.exponential(tie.replyHours * HOUR);
        if (back <= now) addInteraction(world, rows, person, { ...base, at: back, channel: 'call', direction: 'inbound', subject: 'Returned call', durationSeconds: Math.round(minutes * 60), outcome: 'completed', inReplyToId: id });
      }
      return at + minutes * MINUTE;
    }
    case 'meeting':
    case 'inPerson': {
      const cancelled = rng.chance(0.08);
      const minutes = Math.round(rng.logNormal(tie.meetingMinutes, 0.35) / 5) * 5;
      addInteraction(world, rows, person, {
        ...base, at, channel: o.channel, direction: o.direction, subject: fill(rng.pick(MEETING_SUBJECTS), slots),
        durationSeconds: cancelled ? null : minutes * 60, outcome: at > now ? 'scheduled' : cancelled ? 'cancelled' : 'completed',
        colleagues: isBusiness ? rng.int(0, 2) : 0,
      });
      return at + minutes * MINUTE;
    }
    case 'chat': {
      const minutes = rng.between(2, 18);
      addInteraction(world, rows, person, { ...base, at, channel: 'chat', direction: o.direction, subject: fill(rng.pick(CHAT_SUBJECTS), slots), durationSeconds: Math.round(minutes * 60), outcome: 'completed' });
      return at + minutes * MINUTE;
    }
    case 'webVisit': {
      const seconds = Math.round(rng.logNormal(120, 0.9));
      addInteraction(world, rows, person, { ...base, at, channel: 'webVisit', direction: 'inbound', initiatedBy: 'customer', subject: `Visited ${rng.pick(WEB_PAGES)}`, durationSeconds: seconds });
      return at + seconds * 1000;
    }
    default: {
      // Written channels: email, social, SMS — a thread of replies.
      const subject = fill(rng.pick(SUBJECTS[o.purpose]), slots);
      let direction = o.direction;
      let time = at;
      let previous: string | null = null;
      let chance = o.replyChance;
      for (let message = 0; message < 5 && time <= now; message++) {
        const replied = rng.chance(chance) && message < 4;
        const isOurs = direction === 'outbound';
        const id: string = addInteraction(world, rows, person, {
          ...base, at: time, channel: o.channel, direction, subject: message === 0 ? subject : `Re: ${subject}`,
          body: rng.chance(0.6) ? rng.pick(EMAIL_BODIES[isOurs ? 'neutral' : o.sentiment]) : null,
          outcome: replied ? 'replied' : isOurs ? 'noReply' : 'completed', inReplyToId: previous,
          colleagues: isBusiness && o.channel === 'email' && rng.chance(0.12) ? 1 : 0,
        });
        if (!replied) break;
        previous = id;
        direction = direction === 'outbound' ? 'inbound' : 'outbound';
        time += rng.exponential(tie.replyHours * HOUR) + 10 * MINUTE;
        chance *= 0.5;
      }
      return time;
    }
  }
}

function sentimentOf(person: PersonPlan, progress: number): Sentiment {
  if (person.archetype === 'advocate') return 'positive';
  if (person.archetype === 'unhappy' || (person.archetype === 'churned' && progress > 0.6)) return 'negative';
  return person.archetype === 'regular' ? 'positive' : 'neutral';
}

function inboundPurpose(world: DemoWorld, person: PersonPlan): Purpose {
  const u = world.rng.next();
  if (person.archetype === 'advocate' && u < 0.3) return 'praise';
  if ((person.archetype === 'unhappy' && u < 0.45) || (person.archetype === 'churned' && u < 0.2)) return 'complaint';
  return 'question';
}

function outboundPurpose(world: DemoWorld, person: PersonPlan, at: number): Purpose {
  const recent = person.orders.some((o) => o.at <= at && at - o.at < 21 * DAY);
  const u = world.rng.next();
  return recent && u < 0.5 ? 'orderFollowUp' : u < 0.75 ? 'checkIn' : 'offer';
}

const ownerOf = (world: DemoWorld, person: PersonPlan): string => person.ownerId ?? world.rng.pick(world.users.reps);

/** How we first met: a web visit, a form, a stand at a fair, or our own outreach. */
function firstTouch(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng } = world;
  const at = person.acquiredAt;
  const common = { ownerId: ownerOf(world, person), tie: 'weak' as const, sentiment: 'neutral' as const };
  switch (person.source) {
    case 'web':
    case 'ads':
      conversation(world, rows, person, at, { ...common, purpose: 'leadInbound', direction: 'inbound', channel: 'webVisit', replyChance: 0 });
      if (rng.chance(0.5)) conversation(world, rows, person, at + rng.between(2, 90) * MINUTE, { ...common, purpose: 'leadInbound', direction: 'inbound', channel: rng.chance(0.6) ? 'email' : 'chat', replyChance: 0.9 });
      break;
    case 'event':
      addInteraction(world, rows, person, { at, channel: 'inPerson', direction: 'inbound', initiatedBy: 'customer', subject: 'Met at the trade fair stand', durationSeconds: rng.int(5, 25) * 60, outcome: 'completed', ownerId: common.ownerId });
      break;
    case 'outbound':
      conversation(world, rows, person, at, { ...common, purpose: 'leadOutbound', direction: 'outbound', channel: rng.chance(0.7) ? 'email' : 'call', replyChance: 0.3 });
      break;
    case 'referral':
    case 'partner':
      conversation(world, rows, person, at, { ...common, purpose: 'leadInbound', direction: 'inbound', channel: rng.chance(0.6) ? 'email' : 'call', replyChance: 0.9 });
      break;
  }
}

const NURTURE: Record<string, { touches: readonly [number, number]; reply: number }> = {
  subscriber: { touches: [0, 0], reply: 0.1 }, lead: { touches: [0, 2], reply: 0.2 }, marketingQualified: { touches: [2, 4], reply: 0.3 },
  salesQualified: { touches: [3, 5], reply: 0.45 }, opportunity: { touches: [3, 6], reply: 0.55 },
};

/** Interest of a lead: more touches and more answers the further they are qualified. */
function nurture(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, now } = world;
  const plan = NURTURE[person.lifecycleStage] ?? NURTURE.lead;
  const touches = person.values.leadStatus === 'unqualified' ? 1 : rng.int(plan.touches[0], plan.touches[1]);
  for (let n = 0; n < touches; n++) {
    const at = person.acquiredAt + rng.next() * (now - person.acquiredAt);
    const inbound = rng.chance(0.35);
    conversation(world, rows, person, at, {
      purpose: inbound ? 'leadInbound' : 'leadOutbound', direction: inbound ? 'inbound' : 'outbound',
      channel: inbound ? (rng.chance(0.6) ? 'webVisit' : 'email') : rng.chance(0.65) ? 'email' : 'call',
      ownerId: ownerOf(world, person), replyChance: inbound ? 0.85 : plan.reply, sentiment: 'neutral', tie: 'weak',
    });
  }
}

/**
 * A customer's ongoing relationship: conversations as a Poisson process at the archetype's
 * rate; for churned customers the rate and the answers fade before they leave, and our
 * win-back attempts afterwards go unanswered.
 */
function relationship(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, now } = world;
  const profile = ARCHETYPES[person.archetype];
  const from = person.firstOrderAt!;
  const until = person.leftAt ?? now;
  const rate = rng.gammaWithMean(profile.threadsPerYear, 4) / YEAR;
  const ownerId = ownerOf(world, person);
  if (person.archetype === 'oneOff') {
    conversation(world, rows, person, from + rng.between(2, 10) * DAY, { purpose: 'orderFollowUp', direction: 'outbound', channel: 'email', ownerId, replyChance: profile.replyChance, sentiment: 'neutral', tie: 'weak' });
  }
  if (rate > 0) {
    for (let at = from + rng.exponential(1 / rate); at < until; at += rng.exponential(1 / rate)) {
      const progress = (at - from) / Math.max(DAY, until - from);
      const fading = person.archetype === 'churned' ? 1 - 0.7 * progress : 1;
      if (!rng.chance(fading)) continue;
      const inbound = rng.chance(profile.inboundShare);
      conversation(world, rows, person, at, {
        purpose: inbound ? inboundPurpose(world, person) : outboundPurpose(world, person, at),
        direction: inbound ? 'inbound' : 'outbound', channel: rng.draw(channelTable(inbound ? 'inbound' : 'outbound', profile.tie, person.company !== null)),
        ownerId, replyChance: profile.replyChance * fading, sentiment: sentimentOf(person, progress), tie: profile.tie,
      });
    }
  }
  if (person.leftAt !== null) {
    for (let n = rng.int(1, 3); n > 0; n--) {
      const at = person.leftAt + rng.between(30, Math.max(31, (now - person.leftAt) / DAY)) * DAY;
      conversation(world, rows, person, at, { purpose: 'winBack', direction: 'outbound', channel: rng.chance(0.7) ? 'email' : 'call', ownerId, replyChance: 0.05, sentiment: 'negative', tie: 'weak' });
    }
  }
}

/** Demos, proposals and calls along each deal. */
function dealTouches(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, now } = world;
  const tie = person.archetype === 'lead' ? 'weak' : ARCHETYPES[person.archetype].tie;
  for (const deal of person.deals) {
    const end = deal.closedAt ?? now;
    const touches = deal.status === 'won' ? rng.int(3, 5) : deal.status === 'lost' ? rng.int(2, 3) : rng.int(2, 4);
    const replyChance = deal.status === 'lost' ? 0.3 : 0.7;
    for (let n = 0; n < touches; n++) {
      const at = deal.createdAt + ((n + rng.next()) / touches) * (end - deal.createdAt);
      const channel = n === 0 ? 'meeting' : rng.chance(0.6) ? 'email' : 'call';
      conversation(world, rows, person, at, {
        purpose: n === 0 ? 'leadOutbound' : 'offer', direction: 'outbound', channel, ownerId: deal.ownerId,
        replyChance, sentiment: deal.status === 'lost' ? 'neutral' : 'positive', tie, dealId: deal.id,
      });
    }
    if (deal.status === 'open' && rng.chance(0.4)) {
      addInteraction(world, rows, person, {
        at: now + rng.between(1, 14) * DAY, channel: 'meeting', direction: 'outbound', initiatedBy: 'us', subject: 'Contract discussion',
        durationSeconds: 45 * 60, outcome: 'scheduled', ownerId: deal.ownerId, dealId: deal.id, colleagues: 1,
      });
    }
  }
}

/** All interactions of a person except those of their support cases (see support.ts). */
export function generateActivity(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  firstTouch(world, rows, person);
  if (person.archetype === 'lead') nurture(world, rows, person);
  else if (person.firstOrderAt !== null) relationship(world, rows, person);
  dealTouches(world, rows, person);
}
