// Realistic, deterministic demo data at any size (SPEC §1.3 `rapport demo`): a team, a catalogue
// and campaigns, then people in chunks — each chunk's companies, people and everything they did
// generated and bulk-loaded before the next, so memory stays flat at a million people.
import { campaigns as campaignObject, products as productObject, tags as tagObject, type ObjectDefinition } from '@rapport/core';
import { BulkLoader } from '../../engine/bulk.js';
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';
import type { Services } from '../../services.js';
import { generateActivity } from './activity.js';
import { generateCommerce } from './commerce.js';
import { Identity } from './identity.js';
import { assignReferrals, finishCompanies, finishPeople, planCompanies, planPeople, settleCompanyIds } from './people.js';
import { DAY, Random } from './random.js';
import { CHUNK_OBJECTS, ChunkRows, type DemoWorld } from './records.js';
import { createTeam, makeCampaigns, makeCatalogue, makeTags, readPipeline } from './setup.js';
import { generateSupport } from './support.js';
import { generateCompanyNotes, generateWork } from './work.js';

/** small = 1,000 people, medium = 100,000, large = 1,000,000, or a number of people. */
export type DemoSize = 'small' | 'medium' | 'large' | number;

export interface DemoOptions {
  size: DemoSize;
  /** Same seed, `now` and size give the same rows, ids included. Default 1. */
  seed?: number;
  /** The present of the data: it spans the three years before. Default: the current time. */
  now?: Date;
  onProgress?: (progress: { phase: string; done: number; total: number }) => void;
}

export interface DemoSummary {
  people: number;
  /** Rows written: records by object name, other rows by table name. */
  counts: Record<string, number>;
  seconds: number;
}

/** People generated and loaded together; bounds memory whatever the size. */
const CHUNK_PEOPLE = 5_000;
const THREE_YEARS = 3 * 365 * DAY;

/**
 * The number of people a size stands for.
 * @example peopleForSize('medium') // 100000
 */
export function peopleForSize(size: DemoSize): number {
  if (size === 'small') return 1_000;
  if (size === 'medium') return 100_000;
  if (size === 'large') return 1_000_000;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a demo size is small, medium, large or a whole number of people ≥ 1, not ${size}`);
  return size;
}

class Counter {
  readonly counts: Record<string, number> = {};

  add(name: string, n: number): void {
    if (n > 0) this.counts[name] = (this.counts[name] ?? 0) + n;
  }

  /** Records of an object plus the join and child rows they bring. */
  addRecords(definition: ObjectDefinition, records: readonly RecordValues[]): void {
    this.add(definition.name, records.length);
    for (const field of definition.fields) {
      const table = field.relation?.through?.table ?? field.collection?.table;
      if (!table) continue;
      let rows = 0;
      for (const record of records) rows += (record[field.name] as unknown[]).length;
      this.add(table, rows);
    }
  }
}

/**
 * Fills a new workspace (empty but for its pipeline) with demo data: a team of users, products,
 * campaigns, tags, and `size` people with their companies, deals, orders, interactions, cases,
 * surveys, campaign memberships, notes and tasks, following customer archetypes (README.md).
 * @example await generateDemo(services, ctx, { size: 'small', seed: 1, now: new Date('2025-06-30T00:00:00Z') });
 */
export async function generateDemo(services: Services, ctx: RequestContext, options: DemoOptions): Promise<DemoSummary> {
  const started = process.hrtime.bigint();
  const total = peopleForSize(options.size);
  const now = (options.now ?? new Date()).getTime();
  const start = now - THREE_YEARS;
  const rng = new Random(options.seed ?? 1);
  const identity = new Identity(rng);
  const loader = new BulkLoader(ctx);
  const counter = new Counter();
  const load = async (definition: ObjectDefinition, records: readonly RecordValues[]) => {
    await loader.records(definition, records);
    counter.addRecords(definition, records);
  };
  options.onProgress?.({ phase: 'setup', done: 0, total });
  // Above one chunk, indexes are rebuilt once at the end rather than updated row by row.
  const bulk = total > CHUNK_PEOPLE;
  if (bulk) await ctx.dialect.prepareForBulkLoad();
  try {
    const users = await createTeam(services, ctx, identity, rng, total);
    const stages = await readPipeline(services, ctx);
    const tags = makeTags(rng, start);
    const catalogue = makeCatalogue(rng, start, total, ctx.defaultCurrency);
    const campaigns = makeCampaigns(rng, start, now, total, users.marketer, ctx.defaultCurrency);
    await load(tagObject, tags.records);
    await load(productObject, catalogue.records);
    await load(campaignObject, campaigns.records);
    const world: DemoWorld = {
      rng, identity, now, start, currency: ctx.defaultCurrency, users, stages, catalogue: catalogue.catalogue,
      campaigns: campaigns.campaigns, tags: tags.ids, counters: { order: 0 },
    };

    for (let done = 0; done < total;) {
      const size = Math.min(CHUNK_PEOPLE, total - done);
      const rows = generateChunk(world, size);
      for (const [key, definition] of CHUNK_OBJECTS) await load(definition, rows[key] as RecordValues[]);
      await loader.rows('deal_stage_history', rows.stageHistory);
      counter.add('deal_stage_history', rows.stageHistory.length);
      done += size;
      options.onProgress?.({ phase: 'people', done, total });
    }
  } finally {
    if (bulk) {
      options.onProgress?.({ phase: 'indexes', done: total, total });
      await ctx.dialect.finishBulkLoad();
    }
  }
  return { people: total, counts: counter.counts, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Everything about `size` people: their companies first, then each person's story in dependency order. */
function generateChunk(world: DemoWorld, size: number): ChunkRows {
  const rows = new ChunkRows();
  const companies = planCompanies(world, Math.max(1, Math.round(size * 0.1)));
  const people = planPeople(world, size, companies);
  settleCompanyIds(world, companies, people);
  assignReferrals(world, people);
  for (const person of people) {
    generateCommerce(world, rows, person);
    generateSupport(world, rows, person);
    generateActivity(world, rows, person);
    generateWork(world, rows, person);
  }
  generateCompanyNotes(world, rows, companies);
  rows.people.push(...finishPeople(world, people));
  rows.companies.push(...finishCompanies(world, companies));
  return rows;
}
