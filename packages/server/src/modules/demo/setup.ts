// The workspace-wide part of the demo: its team (users), the pipeline it already has, tags,
// the product catalogue and the campaign calendar. Everything people later point at.
import { campaigns as campaignObject, products as productObject, tags as tagObject } from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';
import { Conflict } from '../../errors.js';
import type { Services } from '../../services.js';
import { CAMPAIGN_TEMPLATES, COUNTRIES, PRODUCT_LINES, PRODUCT_SERIES, PRODUCT_VARIANTS, TAGS } from './catalogue.js';
import type { Identity } from './identity.js';
import { asciiWord } from './identity.js';
import { DAY, isoDate, weighted, YEAR, zipf, type Random } from './random.js';
import { complete, type Campaign, type Catalogue, type DemoUsers, type PipelineStages, type Product } from './records.js';

/** Team size grows slowly with the customer base: 4–8 reps, 3–6 agents. */
function teamSize(people: number): { reps: number; agents: number } {
  const scale = Math.log10(Math.max(1, people / 1000));
  return { reps: Math.min(8, 4 + Math.round(scale * 1.4)), agents: Math.min(6, 3 + Math.round(scale)) };
}

/**
 * Adds the demo team to the workspace: a manager, sales reps, support agents and a marketer,
 * with `.example` addresses and no password. A user already known by email is reused.
 */
export async function createTeam(services: Services, ctx: RequestContext, identity: Identity, rng: Random, people: number): Promise<DemoUsers> {
  const { reps, agents } = teamSize(people);
  const roles = [
    'manager' as const,
    ...Array.from({ length: reps }, () => 'salesRep' as const),
    ...Array.from({ length: agents }, () => 'supportAgent' as const),
    'marketer' as const,
  ];
  const taken = new Set<string>();
  const ids: string[] = [];
  for (const role of roles) {
    const { firstName, lastName } = identity.name(COUNTRIES[rng.int(0, 2)]);
    let local = `${asciiWord(firstName)}.${asciiWord(lastName)}`;
    while (taken.has(local)) local += rng.int(0, 9);
    taken.add(local);
    const email = `${local}@rapport-demo.example`;
    try {
      ids.push((await services.users.addToWorkspace(ctx.workspaceId, { email, name: `${firstName} ${lastName}`, role })).id);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      const user = await services.database.system.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      ids.push(user.id);
    }
  }
  return { manager: ids[0], reps: ids.slice(1, 1 + reps), agents: ids.slice(1 + reps, 1 + reps + agents), marketer: ids[ids.length - 1] };
}

/** The workspace's default pipeline and its stages, in order. */
export async function readPipeline(services: Services, ctx: RequestContext): Promise<PipelineStages> {
  const { data: pipelines } = await services.engine.list(ctx, 'pipelines', { sort: 'position', limit: 100 });
  const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0];
  if (!pipeline) throw new Error('demo data needs a workspace with a pipeline');
  const { data } = await services.engine.list(ctx, 'stages', { sort: 'position', limit: 100 });
  const stages = data.filter((stage) => stage.pipelineId === pipeline.id).map((stage) => ({ id: stage.id as string, kind: stage.kind as string, probability: Number(stage.probability) }));
  const won = stages.find((stage) => stage.kind === 'won');
  const lost = stages.find((stage) => stage.kind === 'lost');
  const open = stages.filter((stage) => stage.kind === 'open');
  if (!won || !lost || open.length === 0) throw new Error('demo data needs a pipeline with open, won and lost stages');
  return { pipelineId: pipeline.id as string, open, won, lost };
}

export function makeTags(rng: Random, start: number): { records: RecordValues[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const records = TAGS.map((tag) => {
    const at = start - rng.between(20, 40) * DAY;
    const id = rng.id();
    ids.set(tag.name, id);
    return complete(tagObject, id, at, at, { name: tag.name, color: tag.color });
  });
  return { records, ids };
}

/** Whole euros as cents, priced the way shops do (`499` → `49900`, or `49899` with `.99`). */
function shopPrice(euros: number, isRound: boolean): number {
  if (isRound) return Math.max(1, Math.round(euros / 10)) * 1000;
  return Math.max(1, Math.round(euros)) * 100 - 1;
}

/** ~60 products per 1,000 people: prices log-uniform within the line, margins 20–70 %. */
export function makeCatalogue(rng: Random, start: number, people: number, currency: string): { records: RecordValues[]; catalogue: Catalogue } {
  const count = Math.max(24, Math.round(people * 0.06));
  const lineTable = weighted(PRODUCT_LINES.map((line) => [line, line.consumerWeight + line.businessWeight] as const));
  const names = new Map<string, number>();
  const products: Product[] = [];
  const records: RecordValues[] = [];
  for (let i = 0; i < count; i++) {
    const line = i < PRODUCT_LINES.length ? PRODUCT_LINES[i] : rng.draw(lineTable);
    let name = `${rng.pick(PRODUCT_SERIES)} ${rng.pick(line.bases)}${rng.pick(PRODUCT_VARIANTS)}`;
    const seen = names.get(name) ?? 0;
    names.set(name, seen + 1);
    if (seen > 0) name += ` (Gen ${seen + 1})`;
    const [low, high] = line.price;
    const price = shopPrice(Math.exp(rng.between(Math.log(low), Math.log(high))), line.unit === 'day');
    const cost = Math.round(price * (1 - rng.between(line.margin[0], line.margin[1])));
    const at = start - rng.between(30, 90) * DAY;
    const id = rng.id();
    const product: Product = { id, name, line, price, cost };
    products.push(product);
    records.push(complete(productObject, id, at, at, {
      name, sku: `${line.skuPrefix}-${String(i + 1).padStart(6, '0')}`, category: line.category, price, cost, currency,
      description: rng.chance(0.5) ? `${line.category}: ${name}.` : null, isActive: rng.chance(0.93),
    }));
  }
  const byLine = new Map(PRODUCT_LINES.map((line) => [line.category, zipf(products.filter((p) => p.line === line), 1.1)] as const));
  const laptops = byLine.get('Laptops & PCs')!.values;
  const networking = byLine.get('Networking')!.values;
  return {
    records,
    catalogue: {
      products,
      byLine,
      consumerLines: weighted(PRODUCT_LINES.filter((l) => l.consumerWeight > 0).map((l) => [l, l.consumerWeight] as const)),
      businessLines: weighted(PRODUCT_LINES.map((l) => [l, l.businessWeight] as const)),
      troubled: [laptops[Math.min(1, laptops.length - 1)], networking[0]],
    },
  };
}

/** 8–20 campaigns over the window, one possibly still to come, budgets scaled to their reach. */
export function makeCampaigns(rng: Random, start: number, now: number, people: number, marketer: string, currency: string): { records: RecordValues[]; campaigns: Campaign[] } {
  const count = Math.max(8, Math.min(20, Math.round(8 + 3 * Math.log10(Math.max(1, people / 100)))));
  const first = start + 25 * DAY;
  const span = now + 20 * DAY - first;
  const campaigns: Campaign[] = [];
  const records: RecordValues[] = [];
  for (let k = 0; k < count; k++) {
    const template = CAMPAIGN_TEMPLATES[k % CAMPAIGN_TEMPLATES.length];
    const startsAt = Math.round(first + ((k + rng.between(0.1, 0.9)) / count) * span);
    const endsAt = Math.round(startsAt + rng.between(template.days[0], template.days[1]) * DAY);
    const status = startsAt > now ? 'planned' : endsAt > now ? 'active' : 'completed';
    const year = new Date(startsAt).getUTCFullYear();
    const name = `${template.name} ${year}${k >= CAMPAIGN_TEMPLATES.length ? ` (${Math.floor(k / CAMPAIGN_TEMPLATES.length) + 1})` : ''}`;
    const audience = { customers: 0.55, leads: 0.3, everyone: 0.85, churned: 0.12 }[template.audience];
    const expectedMembers = people * audience * template.reach * Math.min(1, (startsAt - start + YEAR / 2) / (now - start));
    const budget = Math.round((template.fixedCost + template.costPerMember * expectedMembers) * rng.between(0.9, 1.2)) * 100;
    const spent = status === 'completed' ? rng.between(0.82, 1.12) : status === 'active' ? rng.between(0.3, 0.7) : 0;
    const createdAt = Math.min(now - DAY, startsAt - rng.between(14, 45) * DAY);
    const id = rng.id();
    campaigns.push({ id, name, template, startsAt, endsAt, status });
    records.push(complete(campaignObject, id, createdAt, Math.min(now, status === 'completed' ? endsAt + 3 * DAY : createdAt), {
      name, channel: template.channel, status, startsOn: isoDate(startsAt), endsOn: isoDate(endsAt), budget,
      actualCost: status === 'planned' ? null : Math.round((budget * spent) / 100) * 100, currency, description: template.description, ownerId: marketer,
    }));
  }
  return { records, campaigns };
}
