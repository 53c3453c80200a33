// What customers buy and how marketing reaches them: campaign memberships with their funnel
// (sent → opened → clicked → responded → converted), and orders whose timing follows a repeat-
// purchase process, whose lines carry price, cost and discount, and whose totals are computed as
// the orders hook computes them. Won deals are followed by orders that point at them.
import { campaignMembers as memberObject, orders as orderObject } from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import { ARCHETYPES } from './archetypes.js';
import { closedAtOf, firstOrderDeal, laterDeals, writeDeal, type DealPath } from './deals.js';
import { DAY, HOUR, iso, MINUTE, weighted, YEAR } from './random.js';
import { complete, type Campaign, type ChunkRows, type DemoWorld, type PersonPlan, type Product } from './records.js';

const LINE_COUNTS = weighted([[1, 0.48], [2, 0.28], [3, 0.15], [4, 0.09]] as const);
const BUSINESS_CHANNELS = weighted([['online', 0.45], ['phone', 0.2], ['sales', 0.2], ['partner', 0.15]] as const);
const CONSUMER_CHANNELS = weighted([['online', 0.72], ['store', 0.2], ['phone', 0.08]] as const);

/**
 * Purchase times while active: first order, then a Poisson process at a per-customer rate
 * (gamma-distributed across customers), with a chance of dropping out after each purchase —
 * the BG/NBD story (Fader, Hardie & Lee 2005, §2). Churned customers stop at `leftAt`.
 */
function purchaseTimes(world: DemoWorld, person: PersonPlan): number[] {
  const { rng, now } = world;
  if (person.firstOrderAt === null) return [];
  const profile = ARCHETYPES[person.archetype];
  const times = [person.firstOrderAt];
  if (profile.purchasesPerYear > 0) {
    const meanGap = YEAR / rng.gammaWithMean(profile.purchasesPerYear, profile.rateShape);
    const until = person.leftAt ?? now;
    for (let at = person.firstOrderAt; ;) {
      if (rng.chance(profile.dropout)) break;
      at += rng.exponential(meanGap);
      if (at > until) break;
      times.push(at);
    }
    if (person.archetype === 'churned' && times.length < 2) times.push(until - rng.between(0, 20) * DAY);
  }
  return times;
}

function quantityOf(world: DemoWorld, person: PersonPlan, product: Product): number {
  const { rng } = world;
  const employees = person.company?.employees;
  if (employees === undefined) {
    if (product.line.unit === 'pack') return rng.int(1, 4);
    return rng.chance(0.85) ? 1 : 2;
  }
  switch (product.line.unit) {
    case 'seat': return Math.max(1, Math.min(500, Math.round(rng.logNormal(Math.min(employees / 4, 25), 0.6))));
    case 'day': return rng.int(1, 5);
    case 'pack': return rng.int(2, 20);
    default: return Math.max(1, Math.min(200, Math.round(rng.logNormal(Math.min(employees / 10, 6), 0.7))));
  }
}

interface OrderOptions {
  campaign?: Campaign;
  dealId?: string;
}

/** Builds one order with 1–4 lines and the totals the orders hook would compute. */
function makeOrder(world: DemoWorld, rows: ChunkRows, person: PersonPlan, at: number, options: OrderOptions): RecordValues {
  const { rng, now, catalogue } = world;
  const profile = ARCHETYPES[person.archetype];
  const isBusiness = person.company !== null;
  const chosen: Product[] = [];
  for (let n = rng.draw(LINE_COUNTS), tries = 0; chosen.length < n && tries < 8; tries++) {
    const product = rng.chance(0.6) ? rng.pick(person.favourites) : rng.draw(catalogue.byLine.get(rng.draw(isBusiness ? catalogue.businessLines : catalogue.consumerLines).category)!);
    if (!chosen.includes(product)) chosen.push(product);
  }
  const campaignRate = options.campaign?.template.discount ?? 0;
  const orderRate = campaignRate > 0 ? campaignRate : rng.chance(profile.discountChance) ? rng.between(profile.discount[0], profile.discount[1]) : 0;
  const id = rng.id();
  let subtotal = 0;
  let discountTotal = 0;
  let costTotal = 0;
  const lines = chosen.map((product) => {
    const quantity = quantityOf(world, person, product);
    const amount = Math.round(quantity * product.price);
    const volume = isBusiness && amount > 500_000 && orderRate === 0 ? 0.05 : 0;
    const discount = Math.round(amount * (orderRate + volume) * (campaignRate > 0 ? rng.between(0.8, 1) : 1));
    subtotal += amount;
    discountTotal += discount;
    costTotal += Math.round(quantity * product.cost);
    return { id: rng.id(), productId: product.id, description: product.name, quantity, unitPrice: product.price, unitCost: product.cost, discount };
  });
  const age = now - at;
  const refundChance = person.archetype === 'unhappy' ? 0.08 : 0.015;
  const status = age < 2 * DAY ? (rng.chance(0.7) ? 'paid' : 'pending') : rng.chance(refundChance) ? 'refunded' : rng.chance(0.012) ? 'cancelled' : 'fulfilled';
  const channel = options.dealId ? 'sales' : options.campaign ? 'online'
    : rng.draw(isBusiness ? BUSINESS_CHANNELS : CONSUMER_CHANNELS);
  const number = `SO-${String(++world.counters.order).padStart(6, '0')}`;
  const total = subtotal - discountTotal;
  person.orders.push({ id, number, at, products: chosen, total });
  if (person.company && (status === 'fulfilled' || status === 'paid')) person.company.revenue += total;
  const record = complete(orderObject, id, at, Math.min(now, status === 'fulfilled' ? at + rng.between(1, 4) * DAY : at), {
    number, personId: person.id, companyId: person.company?.id ?? null, status, channel, orderedAt: iso(at), currency: world.currency, lines,
    subtotal, discountTotal, total, costTotal, campaignId: options.campaign?.id ?? null, dealId: options.dealId ?? null,
  });
  rows.orders.push(record);
  return record;
}

interface Membership {
  campaign: Campaign;
  createdAt: number;
  status: string;
  sentAt: number | null;
  openedAt: number | null;
  clickedAt: number | null;
  respondedAt: number | null;
}

/** Whether a campaign's audience includes the person when it starts. */
function isInAudience(person: PersonPlan, campaign: Campaign): boolean {
  const known = person.acquiredAt < campaign.startsAt;
  const isCustomer = person.firstOrderAt !== null && person.firstOrderAt < campaign.startsAt;
  const hasLeft = person.leftAt !== null && person.leftAt < campaign.startsAt;
  switch (campaign.template.audience) {
    case 'customers': return isCustomer && !hasLeft;
    case 'leads': return known && !isCustomer;
    case 'churned': return hasLeft;
    default: return known;
  }
}

/** The person's campaign memberships and how far each went down the funnel. */
function memberships(world: DemoWorld, person: PersonPlan): Membership[] {
  const { rng, now } = world;
  const profile = ARCHETYPES[person.archetype];
  const result: Membership[] = [];
  for (const campaign of world.campaigns) {
    const { template } = campaign;
    // Leads a fair, an ad or a webinar brought in join its campaign as having responded.
    const broughtIn = person.acquiredAt >= campaign.startsAt && person.acquiredAt <= campaign.endsAt && template.audience === 'leads';
    if (broughtIn) {
      result.push({ campaign, createdAt: person.acquiredAt, status: 'responded', sentAt: null, openedAt: null, clickedAt: null, respondedAt: person.acquiredAt });
      continue;
    }
    if (!isInAudience(person, campaign)) continue;
    const isEmail = template.channel === 'email';
    if (!rng.chance(template.reach * (isEmail && person.values.hasEmailConsent !== true ? 0.05 : 1))) continue;
    const createdAt = Math.min(now - HOUR, Math.max(person.acquiredAt, campaign.startsAt - rng.between(1, 5) * DAY));
    const member: Membership = { campaign, createdAt, status: 'targeted', sentAt: null, openedAt: null, clickedAt: null, respondedAt: null };
    result.push(member);
    const sentAt = campaign.startsAt + rng.between(0, 20) * HOUR;
    if (sentAt > now) continue;
    member.sentAt = sentAt;
    member.status = rng.chance(0.02) ? 'bounced' : 'delivered';
    if (member.status === 'bounced') continue;
    const opens = person.leftAt !== null && person.leftAt < campaign.startsAt ? 0.15 : profile.campaignOpen;
    const openedAt = sentAt + rng.exponential(10 * HOUR);
    if (!rng.chance(opens) || openedAt > now) {
      if (rng.chance(person.archetype === 'unhappy' || person.archetype === 'churned' ? 0.05 : 0.012)) member.status = 'unsubscribed';
      continue;
    }
    member.openedAt = openedAt;
    member.status = 'opened';
    const clickedAt = openedAt + rng.exponential(15 * MINUTE);
    if (!rng.chance(profile.campaignClick) || clickedAt > now) continue;
    member.clickedAt = clickedAt;
    member.status = 'clicked';
    const respondedAt = clickedAt + rng.exponential(DAY);
    if (template.discount === 0 && rng.chance(0.3) && respondedAt <= now) {
      member.respondedAt = respondedAt;
      member.status = 'responded';
    }
  }
  return result;
}

/** Campaign memberships, deals and orders of one person, in the order they depend on each other. */
export function generateCommerce(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, now } = world;
  const profile = ARCHETYPES[person.archetype];
  const members = memberships(world, person);
  const firstDeal = firstOrderDeal(world, person);
  const later = laterDeals(world, person);
  const dealOrders = new Map<DealPath, RecordValues>();

  purchaseTimes(world, person).forEach((at, i) => {
    const record = makeOrder(world, rows, person, at, { dealId: i === 0 && firstDeal ? firstDeal.id : undefined });
    if (i === 0 && firstDeal) dealOrders.set(firstDeal, record);
  });
  // Discount campaigns bring extra orders from those who clicked, while they are still customers.
  for (const member of members) {
    const { campaign } = member;
    if (member.clickedAt === null || campaign.template.discount === 0 || person.firstOrderAt === null || profile.campaignBuy === 0) continue;
    const at = Math.min(member.clickedAt + rng.exponential(2 * DAY), campaign.endsAt, now - HOUR);
    if (at < person.firstOrderAt || (person.leftAt !== null && at > person.leftAt) || !rng.chance(profile.campaignBuy)) continue;
    makeOrder(world, rows, person, at, { campaign });
    member.status = 'converted';
    member.respondedAt = Math.max(member.clickedAt, at - MINUTE);
  }
  for (const path of later) {
    if (path.status !== 'won') continue;
    const closedAt = closedAtOf(path);
    dealOrders.set(path, makeOrder(world, rows, person, closedAt + rng.next() * Math.min(3 * DAY, now - closedAt), { dealId: path.id }));
  }
  person.orders.sort((a, b) => a.at - b.at);

  for (const path of [firstDeal, ...later]) {
    if (!path) continue;
    const order = dealOrders.get(path);
    const product = order ? person.orders.find((o) => o.id === order.id)!.products[0] : rng.pick(person.favourites.length ? person.favourites : world.catalogue.products);
    const amount = order ? (order.total as number) : Math.round(product.price * rng.int(5, 60) / 100) * 100;
    writeDeal(world, rows, person, path, amount, product);
  }
  for (const m of members) {
    const updatedAt = Math.max(m.createdAt, m.sentAt ?? 0, m.openedAt ?? 0, m.clickedAt ?? 0, m.respondedAt ?? 0);
    rows.campaignMembers.push(complete(memberObject, rng.id(), m.createdAt, updatedAt, {
      campaignId: m.campaign.id, personId: person.id, status: m.status,
      sentAt: m.sentAt && iso(m.sentAt), openedAt: m.openedAt && iso(m.openedAt), clickedAt: m.clickedAt && iso(m.clickedAt), respondedAt: m.respondedAt && iso(m.respondedAt),
    }));
  }
}
