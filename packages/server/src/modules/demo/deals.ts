// Deals of business contacts and their walk through the pipeline: the path (with time in each
// stage) is decided first, so that a won deal's order can point at it; the deal record and its
// stage history rows are written once the order gives the amount. Status, probability,
// stageEnteredAt and closedAt follow the stage, as the deals hooks would set them.
import { deals as dealObject } from '@rapport/core';
import { LOST_REASONS, WON_REASONS } from './catalogue.js';
import { DAY, HOUR, isoDate, iso, weighted } from './random.js';
import { complete, type ChunkRows, type DemoWorld, type PersonPlan, type Product } from './records.js';

interface Visit {
  stage: { id: string; probability: number };
  at: number;
}

export interface DealPath {
  id: string;
  status: 'open' | 'won' | 'lost';
  visits: Visit[];
  ownerId: string;
  isUpsell: boolean;
}

/** Mean days spent in each open stage (Qualification, Needs analysis, Proposal, Negotiation…). */
const STAGE_DAYS = [7, 12, 14, 10];
const LOST_AT = weighted([[0, 0.3], [1, 0.25], [2, 0.25], [3, 0.2]] as const);
/** Leads that once had a deal and lost it, by how far they are qualified now. */
const LEAD_LOSSES: Record<string, number> = { lead: 0.8, marketingQualified: 0.4, salesQualified: 0.2 };
const SOURCE_OF: Record<string, string> = { web: 'inbound', ads: 'inbound', referral: 'referral', event: 'event', partner: 'partner', outbound: 'outbound' };

/** The open stages a deal passes through before it is won, lost (at `lostAt`) or still open. */
function route(world: DemoWorld, outcome: 'won' | 'lost' | 'open', lastOpen: number): Visit['stage'][] {
  const { open, won, lost } = world.stages;
  const path = open.slice(0, lastOpen + 1).filter((_, i) => i === 0 || i === lastOpen || world.rng.chance(0.85));
  if (outcome === 'won') path.push(won);
  if (outcome === 'lost') path.push(lost);
  return path;
}

function stageDays(world: DemoWorld, position: number): number {
  return world.rng.gammaWithMean((STAGE_DAYS[position] ?? 10) * DAY, 2) + 2 * HOUR;
}

function pathOf(world: DemoWorld, person: PersonPlan, stages: Visit['stage'][], start: number, isUpsell: boolean, status: DealPath['status'], scaleTo?: number): DealPath {
  const { rng } = world;
  const durations = stages.slice(0, -1).map((stage) => stageDays(world, world.stages.open.indexOf(stage as never)));
  const total = durations.reduce((sum, d) => sum + d, 0);
  const scale = scaleTo !== undefined && total > 0 ? scaleTo / total : 1;
  const visits: Visit[] = [];
  let at = start;
  stages.forEach((stage, i) => {
    visits.push({ stage, at });
    if (i < durations.length) at += durations[i] * scale;
  });
  return { id: rng.id(), status, visits, ownerId: person.ownerId ?? person.company?.ownerId ?? rng.pick(world.users.reps), isUpsell };
}

/**
 * A deal walked forward from `start`; if it has not reached its end by now it is still open,
 * in the stage it is in today.
 */
function walkFrom(world: DemoWorld, person: PersonPlan, start: number, outcome: 'won' | 'lost', isUpsell: boolean): DealPath {
  const { rng, now } = world;
  const lastOpen = outcome === 'won' ? world.stages.open.length - 1 : Math.min(rng.draw(LOST_AT), world.stages.open.length - 1);
  const path = pathOf(world, person, route(world, outcome, lastOpen), start, isUpsell, outcome);
  const reached = path.visits.filter((visit) => visit.at <= now);
  if (reached.length === path.visits.length) return path;
  return { ...path, status: 'open', visits: reached };
}

/** The won deal behind a business customer's first order, fitted between meeting them and the order. */
export function firstOrderDeal(world: DemoWorld, person: PersonPlan): DealPath | null {
  if (!person.isDealLed || person.firstOrderAt === null) return null;
  const { rng } = world;
  const closedAt = person.firstOrderAt - rng.between(1, 48) * HOUR;
  const start = person.acquiredAt + rng.between(0.5, 3) * DAY;
  if (closedAt - start < 3 * DAY) return null;
  const stages = route(world, 'won', world.stages.open.length - 1);
  return pathOf(world, person, stages, start, false, 'won', closedAt - start);
}

/** Later deals: expansions for active business customers, lost ones before churn, and leads' opportunities. */
export function laterDeals(world: DemoWorld, person: PersonPlan): DealPath[] {
  const { rng, now } = world;
  if (!person.company) return [];
  const paths: DealPath[] = [];
  if (person.archetype === 'lead') {
    if (person.lifecycleStage === 'opportunity' || (person.lifecycleStage === 'salesQualified' && rng.chance(0.5))) {
      const start = Math.min(now - 2 * DAY, person.acquiredAt + rng.between(3, 30) * DAY);
      const lastOpen = person.lifecycleStage === 'opportunity' ? rng.int(1, world.stages.open.length - 1) : rng.int(0, 1);
      const path = pathOf(world, person, route(world, 'open', lastOpen), start, false, 'open');
      const fits = path.visits[path.visits.length - 1].at <= now;
      paths.push(fits ? path : { ...path, visits: path.visits.filter((v) => v.at <= now) });
    } else if (rng.chance(LEAD_LOSSES[person.lifecycleStage] ?? 0)) {
      const start = person.acquiredAt + rng.between(5, 40) * DAY;
      if (start < now - 60 * DAY) paths.push(walkFrom(world, person, start, 'lost', false));
    }
    return paths;
  }
  if (person.firstOrderAt === null || person.archetype === 'oneOff') return paths;
  const until = person.leftAt ?? now;
  if (until - person.firstOrderAt < 60 * DAY) return paths;
  if (person.archetype === 'churned' && rng.chance(0.35)) {
    paths.push(walkFrom(world, person, person.firstOrderAt + rng.next() * (until - person.firstOrderAt - 45 * DAY), 'lost', true));
  } else if (person.archetype !== 'churned' && rng.chance(person.archetype === 'advocate' ? 0.25 : 0.12)) {
    const start = person.firstOrderAt + 30 * DAY + rng.next() * (until - person.firstOrderAt - 33 * DAY);
    paths.push(walkFrom(world, person, start, rng.chance(person.archetype === 'unhappy' || person.archetype === 'priceBuyer' ? 0.25 : 0.45) ? 'won' : 'lost', true));
  }
  return paths;
}

/** The close time of a won path (its last visit). */
export function closedAtOf(path: DealPath): number {
  return path.visits[path.visits.length - 1].at;
}

/** Writes the deal and its stage history; `amount` is the order's total for won deals. */
export function writeDeal(world: DemoWorld, rows: ChunkRows, person: PersonPlan, path: DealPath, amount: number, product: Product): void {
  const { rng, now, stages } = world;
  const last = path.visits[path.visits.length - 1];
  const isClosed = path.status !== 'open';
  const lostReason = path.status === 'lost' ? rng.pick(LOST_REASONS) : null;
  const wonReason = path.status === 'won' ? (path.isUpsell ? 'Expansion of an existing account' : rng.pick(WON_REASONS)) : null;
  const expected = isClosed ? last.at + rng.between(-10, 5) * DAY : rng.chance(0.2) ? now - rng.between(1, 25) * DAY : last.at + rng.between(10, 60) * DAY;
  const isOverdue = !isClosed && expected < now;
  const movedBy = `user:${path.ownerId}`;
  path.visits.forEach((visit, i) => {
    const next = path.visits[i + 1];
    rows.stageHistory.push({
      id: rng.id(), deal_id: path.id, pipeline_id: stages.pipelineId, stage_id: visit.stage.id, from_stage_id: i > 0 ? path.visits[i - 1].stage.id : null,
      entered_at: iso(visit.at), exited_at: next ? iso(next.at) : null, duration_ms: next ? Math.round(next.at) - Math.round(visit.at) : null,
      moved_by: movedBy, reason: next ? null : (wonReason ?? lostReason),
    });
  });
  const company = person.company!;
  const name = `${company.values.name as string}: ${path.isUpsell ? 'expansion' : product.name}`.slice(0, 200);
  const createdAt = path.visits[0].at;
  rows.deals.push(complete(dealObject, path.id, createdAt, last.at, {
    name, amount, currency: world.currency, pipelineId: stages.pipelineId, stageId: last.stage.id, status: path.status,
    probability: last.stage.probability, expectedCloseDate: isoDate(Math.max(createdAt, expected)), closedAt: isClosed ? iso(last.at) : null,
    stageEnteredAt: iso(last.at), wonReason, lostReason, source: path.isUpsell ? 'existingCustomer' : SOURCE_OF[person.source] ?? 'other',
    companyId: company.id, personId: person.id, ownerId: path.ownerId,
    description: rng.chance(0.3) ? `${person.firstName} is looking at ${product.name} for ${company.values.name as string}.` : null,
    tagIds: isOverdue && rng.chance(0.5) ? [world.tags.get('Needs follow-up')!] : [],
  }));
  person.deals.push({ id: path.id, name, createdAt, closedAt: isClosed ? last.at : null, status: path.status, ownerId: path.ownerId });
}
