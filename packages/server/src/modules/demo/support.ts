// Service and satisfaction: support cases (recurring problems, product links, effort in minutes,
// times consistent with status as the cases hook stamps them) with their conversations, CSAT
// after resolved cases, and NPS asked twice a year — scores that follow the archetype.
import { cases as caseObject, surveyResponses as surveyObject } from '@rapport/core';
import { ARCHETYPES, type Archetype } from './archetypes.js';
import { addInteraction } from './activity.js';
import { CASE_PROBLEMS, EMAIL_BODIES, fill, SURVEY_COMMENTS, type CaseProblem } from './phrases.js';
import { DAY, HOUR, iso, MINUTE, weighted, YEAR, type Random } from './random.js';
import { complete, type ChunkRows, type DemoWorld, type PersonPlan, type Product } from './records.js';

const PROBLEMS = weighted(CASE_PROBLEMS.map((problem) => [problem, problem.weight] as const));
const DEFECT = CASE_PROBLEMS.find((problem) => problem.category === 'Product defect')!;
const BILLING = CASE_PROBLEMS.find((problem) => problem.category === 'Billing question')!;
const CHANNELS = weighted([['email', 0.4], ['phone', 0.25], ['chat', 0.2], ['web', 0.1], ['social', 0.03], ['inPerson', 0.02]] as const);
const INTERACTION_CHANNEL: Record<string, string> = { email: 'email', phone: 'call', chat: 'chat', web: 'email', social: 'social', inPerson: 'inPerson' };
const PRIORITY = {
  demanding: weighted([['urgent', 0.15], ['high', 0.35], ['normal', 0.4], ['low', 0.1]] as const),
  usual: weighted([['urgent', 0.03], ['high', 0.15], ['normal', 0.6], ['low', 0.22]] as const),
};
const FIRST_RESPONSE_HOURS: Record<string, number> = { urgent: 0.5, high: 1, normal: 3, low: 8 };

/** Knuth's Poisson sampler; fine for the small means used here. */
function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** When a customer needs help: churned ones shortly before they leave, unhappy ones all the time. */
function caseTimes(world: DemoWorld, person: PersonPlan): { at: number; problem?: CaseProblem; product?: Product }[] {
  const { rng, now } = world;
  const first = person.firstOrderAt!;
  const until = person.leftAt ?? now;
  const years = (until - first) / YEAR;
  const profile = ARCHETYPES[person.archetype];
  const times: { at: number; problem?: CaseProblem; product?: Product }[] = [];
  if (person.archetype === 'churned') {
    const count = rng.chance(0.8) ? 1 + poisson(rng, 0.9) : 0;
    for (let n = 0; n < count; n++) times.push({ at: until - rng.between(0, 0.5) * (until - first) });
  } else {
    const count = poisson(rng, profile.casesPerYear * years) + (person.archetype === 'unhappy' ? 1 : 0);
    for (let n = 0; n < count; n++) times.push({ at: first + DAY + rng.next() * Math.max(0, until - first - DAY) });
  }
  // The troubled products break for many of their buyers: a recurring problem to be found.
  const reported = new Set<Product>();
  for (const order of person.orders) {
    const troubled = order.products.find((product) => world.catalogue.troubled.includes(product) && !reported.has(product));
    const at = order.at + rng.between(10, 120) * DAY;
    if (troubled && at < until && rng.chance(0.25)) {
      reported.add(troubled);
      times.push({ at, problem: DEFECT, product: troubled });
    }
  }
  return times.sort((a, b) => a.at - b.at);
}

function productFor(world: DemoWorld, person: PersonPlan, problem: CaseProblem, at: number): Product | null | undefined {
  if (problem.productCategories.length === 0) return null;
  const owned = person.orders.filter((o) => o.at < at).slice(-6).flatMap((o) => o.products).filter((p) => problem.productCategories.includes(p.line.category));
  if (owned.length === 0) return undefined;
  const troubled = owned.find((p) => world.catalogue.troubled.includes(p));
  return troubled && problem === DEFECT && world.rng.chance(0.7) ? troubled : world.rng.pick(owned);
}

function csatScore(rng: Random, archetype: Archetype): number {
  switch (archetype) {
    case 'advocate': return rng.chance(0.75) ? 5 : 4;
    case 'regular': return rng.draw(weighted([[5, 0.55], [4, 0.35], [3, 0.1]] as const));
    // A case is rated for how it was handled: even customers on their way out, or unhappy with
    // the product, are sometimes satisfied with the help they got.
    case 'churned': return rng.draw(weighted([[1, 0.05], [2, 0.15], [3, 0.3], [4, 0.3], [5, 0.2]] as const));
    case 'unhappy': return rng.draw(weighted([[1, 0.3], [2, 0.3], [3, 0.2], [4, 0.15], [5, 0.05]] as const));
    default: return rng.draw(weighted([[5, 0.35], [4, 0.35], [3, 0.2], [2, 0.1]] as const));
  }
}

/** NPS by archetype; churned customers' scores fall as they approach leaving (progress 0 → 1). */
function npsScore(rng: Random, archetype: Archetype, progress: number): number {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(value)));
  switch (archetype) {
    case 'advocate': return rng.draw(weighted([[10, 0.65], [9, 0.3], [8, 0.05]] as const));
    case 'regular': return rng.draw(weighted([[7, 0.25], [8, 0.4], [9, 0.3], [10, 0.05]] as const));
    case 'churned': return clamp(8.3 - 5.5 * progress + rng.normal(0, 0.9), 0, 10);
    case 'unhappy': return clamp(rng.normal(3.2, 1.6), 0, 6);
    case 'priceBuyer': return clamp(rng.normal(6.5, 1.2), 3, 9);
    default: return clamp(rng.normal(7, 1.5), 3, 10);
  }
}

function addSurvey(world: DemoWorld, rows: ChunkRows, person: PersonPlan, kind: 'nps' | 'csat', score: number, at: number, caseId: string | null): void {
  const { rng } = world;
  const band = kind === 'csat' ? (score >= 4 ? 'csatGood' : score <= 2 ? 'csatBad' : null) : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  const comment = band && rng.chance(0.35) ? rng.pick(SURVEY_COMMENTS[band]) : null;
  rows.surveyResponses.push(complete(surveyObject, rng.id(), at, at, { kind, score, comment, respondedAt: iso(at), personId: person.id, caseId }));
}

/** One case with its conversation and, once resolved, maybe a CSAT answer. */
function addCase(world: DemoWorld, rows: ChunkRows, person: PersonPlan, at: number, forced: { problem?: CaseProblem; product?: Product }): void {
  const { rng, now } = world;
  const profile = ARCHETYPES[person.archetype];
  // A problem about a product needs a product the customer bought: draw again until one fits.
  let problem = forced.problem ?? rng.draw(PROBLEMS);
  let product = forced.product ?? productFor(world, person, problem, at);
  for (let tries = 0; product === undefined && tries < 4; tries++) {
    problem = rng.draw(PROBLEMS);
    product = productFor(world, person, problem, at);
  }
  if (product === undefined) {
    problem = BILLING;
    product = null;
  }
  const isDemanding = person.archetype === 'unhappy';
  const priority = rng.draw(isDemanding ? PRIORITY.demanding : PRIORITY.usual);
  const channel = rng.draw(CHANNELS);
  const assigneeId = rng.pick(world.users.agents);
  const order = person.orders.filter((o) => o.at <= at).pop();
  const subject = fill(rng.pick(problem.subjects), { product: product?.name ?? 'my product', order: order?.number ?? 'my order' });
  const slow = isDemanding ? 1.8 : 1;
  const firstResponseAt = at + rng.exponential(FIRST_RESPONSE_HOURS[priority] * HOUR * slow) + 5 * MINUTE;
  // A few cases get stuck (waiting on a supplier or on the customer) and stay open for weeks.
  const stuck = rng.chance(0.03) ? 12 : 1;
  const resolvedAt = firstResponseAt + rng.logNormal(1.2 * DAY * problem.effort * (isDemanding ? 2.5 : 1) * stuck, 0.8);
  const closedAt = resolvedAt + rng.between(1, 5) * DAY;
  const willClose = rng.chance(0.8);
  const status = firstResponseAt > now ? 'new' : resolvedAt > now ? (rng.chance(0.5) ? 'open' : 'pending') : willClose && closedAt <= now ? 'closed' : 'resolved';
  const minutes = Math.max(3, Math.round(rng.logNormal(profile.supportMinutesMedian * problem.effort, 0.6) * (priority === 'urgent' ? 1.5 : 1)));
  const isResolved = status === 'resolved' || status === 'closed';
  const id = rng.id();
  rows.cases.push(complete(caseObject, id, at, isResolved ? (status === 'closed' ? closedAt : resolvedAt) : Math.min(now, firstResponseAt), {
    subject, description: `${person.firstName} reports: ${subject.charAt(0).toLowerCase()}${subject.slice(1)}.`, status, priority, channel,
    category: problem.category, personId: person.id, companyId: person.company?.id ?? null, productId: product?.id ?? null, assigneeId,
    openedAt: iso(at), firstResponseAt: status === 'new' ? null : iso(firstResponseAt), resolvedAt: isResolved ? iso(resolvedAt) : null,
    closedAt: status === 'closed' ? iso(closedAt) : null, supportMinutes: minutes,
    tagIds: priority === 'urgent' && (isDemanding || rng.chance(0.3)) ? [world.tags.get('Escalated')!] : [],
  }));
  person.cases.push({ id, openedAt: at, status });

  // The conversation: the customer's first contact, our answer, then back and forth in proportion to the effort.
  const sentiment = isDemanding || person.archetype === 'churned' ? 'negative' : 'neutral';
  const interactionChannel = INTERACTION_CHANNEL[channel];
  const base = { caseId: id, ownerId: assigneeId, initiatedBy: 'customer' as const, subject };
  let previous = addInteraction(world, rows, person, {
    ...base, at, channel: interactionChannel, direction: 'inbound', outcome: 'completed',
    body: interactionChannel === 'email' ? rng.pick(EMAIL_BODIES[sentiment]) : null,
    durationSeconds: interactionChannel === 'call' || interactionChannel === 'chat' ? Math.min(minutes, 25) * 60 : null,
  });
  const end = isResolved ? resolvedAt : now;
  const exchanges = status === 'new' ? 0 : 1 + Math.min(4, Math.floor(minutes / 60));
  for (let n = 0; n < exchanges; n++) {
    const when = n === 0 ? firstResponseAt : firstResponseAt + (n / exchanges) * (end - firstResponseAt);
    if (when > now) break;
    const direction = n % 2 === 0 ? 'outbound' : 'inbound';
    previous = addInteraction(world, rows, person, {
      ...base, at: when, channel: 'email', direction, subject: `Re: ${subject}`, outcome: 'replied', inReplyToId: previous,
      body: direction === 'inbound' ? rng.pick(EMAIL_BODIES[sentiment]) : null,
    });
  }
  if (isResolved && rng.chance(profile.csatResponse)) {
    const answeredAt = resolvedAt + HOUR + rng.exponential(18 * HOUR);
    if (answeredAt <= now) addSurvey(world, rows, person, 'csat', csatScore(rng, person.archetype), answeredAt, id);
  }
}

/** Relationship NPS asked every January and July of customers who bought at least a month before. */
function npsWaves(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, start, now } = world;
  const profile = ARCHETYPES[person.archetype];
  const first = person.firstOrderAt!;
  for (let year = new Date(start).getUTCFullYear(); year <= new Date(now).getUTCFullYear(); year++) {
    for (const month of [0, 6]) {
      const wave = Date.UTC(year, month, 15, 9);
      if (wave < start || wave > now || wave < first + 30 * DAY) continue;
      if (person.leftAt !== null && wave > person.leftAt + 120 * DAY) continue;
      if (!rng.chance(profile.npsResponse)) continue;
      const at = wave + rng.exponential(3 * DAY) + rng.between(0, 10) * HOUR;
      if (at > now) continue;
      const progress = person.leftAt !== null ? (at - first) / Math.max(DAY, person.leftAt - first) : 0;
      addSurvey(world, rows, person, 'nps', npsScore(rng, person.archetype, progress), at, null);
    }
  }
}

/** Cases, their conversations, CSAT and NPS answers of one customer. */
export function generateSupport(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  if (person.archetype === 'lead' || person.firstOrderAt === null) return;
  for (const { at, problem, product } of caseTimes(world, person)) addCase(world, rows, person, at, { problem, product });
  npsWaves(world, rows, person);
}
