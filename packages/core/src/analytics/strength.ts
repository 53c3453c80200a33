// Relationship strength (SPEC §7.5): a 0–100 estimate of the tie between the business and one
// customer from the interaction record, in four components — time, frequency, reciprocity and
// intensity — each shown with its value, its weight, the points it contributes and the facts
// behind it. The method, its sources (Granovetter 1973; Marsden & Campbell 1984) and how it
// handles their caveats are in docs/relationship-strength.md; the constants below are those of
// that page.

const DAY = 86_400_000;
/** Older touches count half every HALF_LIFE_DAYS. */
export const HALF_LIFE_DAYS = 90;
/** Component weights (points out of 100). Time and intensity weigh most (Marsden & Campbell 1984). */
export const STRENGTH_WEIGHTS = { time: 30, frequency: 15, reciprocity: 25, intensity: 30 } as const;
/** A meeting with more people than this is situational: it counts as a fraction of a touch. */
const GROUP_SIZE = 4;

export type StrengthComponentName = keyof typeof STRENGTH_WEIGHTS;

export interface Touch {
  /** Epoch milliseconds. */
  at: number;
  channel: string;
  direction: 'inbound' | 'outbound';
  initiatedBy?: 'customer' | 'us' | null;
  durationSeconds?: number | null;
  outcome?: string | null;
  /** People taking part, both sides; 2 when unknown. */
  participants?: number;
}

export interface StrengthInput {
  /** Epoch milliseconds of "now". */
  asOf: number;
  touches: readonly Touch[];
  /** Campaigns the customer was sent, and how many of them they engaged with (opened or more). */
  campaigns?: { sent: number; engaged: number };
  /** Sentiment of the customer's notes and survey comments, each in [−1, 1]. */
  sentiments?: readonly number[];
}

export interface StrengthFact {
  label: string;
  value: number | string;
}

export interface StrengthComponent {
  name: StrengthComponentName;
  /** 0–100: how strong this component is on its own. */
  value: number;
  weight: number;
  /** Points of the total: value × weight / 100. */
  contribution: number;
  facts: StrengthFact[];
  reason: string;
}

export interface RelationshipStrength {
  /** 0–100, the sum of the components' contributions; null when there is no interaction at all. */
  score: number | null;
  components: StrengthComponent[];
  /** A sentence per component, strongest evidence first. */
  reasons: string[];
}

const saturate = (amount: number, scale: number) => 1 - Math.exp(-Math.max(0, amount) / scale);
const decay = (ageDays: number) => 2 ** (-Math.max(0, ageDays) / HALF_LIFE_DAYS);
const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (share: number) => `${Math.round(share * 100)} %`;

const SYNCHRONOUS = new Set(['call', 'meeting', 'inPerson']);
const UNANSWERED = new Set(['noAnswer', 'noReply', 'leftMessage', 'cancelled']);

/** Did the customer take part, rather than only being reached at? */
function isMutual(touch: Touch): boolean {
  if (touch.outcome && UNANSWERED.has(touch.outcome)) return false;
  return touch.direction === 'inbound' || touch.outcome === 'replied' || touch.outcome === 'completed' || SYNCHRONOUS.has(touch.channel);
}

/** How much one touch counts towards frequency: situational group meetings and unanswered attempts count less. */
function touchWeight(touch: Touch): number {
  const people = touch.participants ?? 2;
  const situational = people > GROUP_SIZE ? GROUP_SIZE / people : 1;
  return (isMutual(touch) ? 1 : 0.25) * situational;
}

function component(name: StrengthComponentName, share: number, facts: StrengthFact[], reason: string): StrengthComponent {
  const value = round1(Math.min(1, Math.max(0, share)) * 100);
  const weight = STRENGTH_WEIGHTS[name];
  return { name, value, weight, contribution: round1((value * weight) / 100), facts, reason };
}

function time(input: StrengthInput, touches: readonly Touch[]): StrengthComponent {
  // Folded rather than spread: a contact with a hundred thousand touches would overflow the stack.
  const first = touches.reduce((min, t) => Math.min(min, t.at), Infinity);
  const last = touches.reduce((max, t) => Math.max(max, t.at), -Infinity);
  const months = (input.asOf - first) / (30.44 * DAY);
  const idleDays = (input.asOf - last) / DAY;
  // Time spent together counts only when it was mutual (a completed call or meeting, a reply).
  let mutualHours = 0;
  for (const touch of touches) {
    if (isMutual(touch) && touch.durationSeconds) mutualHours += (touch.durationSeconds / 3600) * decay((input.asOf - touch.at) / DAY);
  }
  const recency = decay(idleDays);
  // Length alone overstates long-known but distant ties: it counts only as far as the tie is still active.
  const length = saturate(months, 12) * recency;
  const share = 0.5 * saturate(mutualHours, 5) + 0.25 * length + 0.25 * recency;
  return component('time', share, [
    { label: 'mutual time, hours (decayed)', value: round1(mutualHours) },
    { label: 'months since first contact', value: round1(months) },
    { label: 'days since last contact', value: Math.round(idleDays) },
  ], `${round1(mutualHours)} h of mutual time; known for ${Math.round(months)} months; last contact ${Math.round(idleDays)} days ago`);
}

function frequency(input: StrengthInput, touches: readonly Touch[]): StrengthComponent {
  let weighted = 0;
  for (const touch of touches) weighted += touchWeight(touch) * decay((input.asOf - touch.at) / DAY);
  // A steady k touches a month sums, decayed, to k × (half-life in months) / ln 2.
  const perMonth = weighted / (HALF_LIFE_DAYS / 30.44 / Math.LN2);
  return component('frequency', saturate(perMonth, 2), [
    { label: 'touches per month (decayed, weighted)', value: round1(perMonth) },
    { label: 'touches in all', value: touches.length },
  ], `${round1(perMonth)} touches a month lately, counting unanswered attempts and group meetings as fractions`);
}

function reciprocity(input: StrengthInput, touches: readonly Touch[]): StrengthComponent {
  let inbound = 0;
  let outbound = 0;
  let byCustomer = 0;
  let initiated = 0;
  for (const touch of touches) {
    const w = decay((input.asOf - touch.at) / DAY);
    if (touch.direction === 'inbound') inbound += w;
    else outbound += w;
    if (touch.initiatedBy) {
      initiated += w;
      if (touch.initiatedBy === 'customer') byCustomer += w;
    }
  }
  const inboundShare = inbound / (inbound + outbound);
  const customerShare = initiated > 0 ? byCustomer / initiated : inboundShare;
  // Balanced (half each way) or customer-led is fully reciprocal; one-way outreach is not.
  // Few touches are weak evidence either way: the balance is shrunk towards zero below ~3 touches.
  const evidence = touches.length / (touches.length + 2);
  const share = evidence * (0.5 * Math.min(1, 2 * inboundShare) + 0.5 * Math.min(1, 2 * customerShare));
  return component('reciprocity', share, [
    { label: 'inbound share', value: round1(inboundShare * 100) },
    { label: 'started by the customer', value: round1(customerShare * 100) },
  ], `${percent(inboundShare)} of touches came from the customer, who started ${percent(customerShare)} of conversations`);
}

function intensity(input: StrengthInput, touches: readonly Touch[]): StrengthComponent {
  const parts: { label: string; share: number; fact: string }[] = [];
  const asked = touches.filter((t) => t.direction === 'outbound' && (t.outcome === 'replied' || t.outcome === 'noReply'));
  if (asked.length > 0) {
    const replied = asked.filter((t) => t.outcome === 'replied').length / asked.length;
    parts.push({ label: 'reply rate', share: replied, fact: `replies to ${percent(replied)} of our messages` });
  }
  const meetings = touches.filter((t) => SYNCHRONOUS.has(t.channel) && isMutual(t) && t.durationSeconds);
  if (meetings.length > 0) {
    const minutes = meetings.reduce((sum, t) => sum + t.durationSeconds! / 60, 0) / meetings.length;
    parts.push({ label: 'meeting length, minutes', share: saturate(minutes, 30), fact: `calls and meetings last ${Math.round(minutes)} min on average` });
  }
  if (input.campaigns && input.campaigns.sent > 0) {
    const engaged = Math.min(1, input.campaigns.engaged / input.campaigns.sent);
    parts.push({ label: 'campaign engagement', share: engaged, fact: `engaged with ${percent(engaged)} of campaigns` });
  }
  if (input.sentiments && input.sentiments.length > 0) {
    const mean = input.sentiments.reduce((sum, s) => sum + Math.max(-1, Math.min(1, s)), 0) / input.sentiments.length;
    parts.push({ label: 'sentiment', share: (mean + 1) / 2, fact: `${mean >= 0.15 ? 'positive' : mean <= -0.15 ? 'negative' : 'neutral'} tone in ${input.sentiments.length} notes and comments` });
  }
  if (parts.length === 0) return component('intensity', 0, [], 'no replies, meetings, campaign responses or comments to judge intensity by');
  const share = parts.reduce((sum, p) => sum + p.share, 0) / parts.length;
  return component('intensity', share, parts.map((p) => ({ label: p.label, value: round1(p.share * 100) })), parts.map((p) => p.fact).join('; '));
}

/** Relationship strength of one customer, with its components and their reasons. */
export function relationshipStrength(input: StrengthInput): RelationshipStrength {
  const touches = input.touches.filter((t) => t.at <= input.asOf);
  if (touches.length === 0) {
    return { score: null, components: [], reasons: ['no interaction recorded yet'] };
  }
  const components = [time(input, touches), frequency(input, touches), reciprocity(input, touches), intensity(input, touches)];
  const score = round1(components.reduce((sum, c) => sum + (c.value * c.weight) / 100, 0));
  const reasons = [...components].sort((a, b) => b.contribution - a.contribution).map((c) => `${c.name} ${c.contribution}/${c.weight}: ${c.reason}`);
  return { score: Math.min(100, Math.max(0, score)), components, reasons };
}

/** Combines the strength of a company's people: the strongest tie counts most (a company is as close as its closest contacts). */
export function companyStrength(people: readonly (number | null)[]): number | null {
  const scores = people.filter((s): s is number => s !== null).sort((a, b) => b - a);
  if (scores.length === 0) return null;
  // Weights 1, 1/2, 1/3, … over the people ranked strongest first.
  let total = 0;
  let weights = 0;
  scores.forEach((score, i) => {
    total += score / (i + 1);
    weights += 1 / (i + 1);
  });
  return round1(total / weights);
}
