// What every generator shares: the world (generator, present, users, pipeline, catalogue,
// campaigns, tags), the bag of rows one chunk of people produces, and `complete`, which turns
// a record's values into the full record the bulk loader expects.
import {
  campaignMembers, cases, companies, deals, interactions, isListField, notes, orders, people,
  surveyResponses, tasks, type ObjectDefinition,
} from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import type { Archetype } from './archetypes.js';
import type { CampaignTemplate, CountryProfile, ProductLine } from './catalogue.js';
import type { Identity } from './identity.js';
import { iso, type Random, type WeightedTable } from './random.js';

export interface DemoUsers {
  manager: string;
  reps: readonly string[];
  agents: readonly string[];
  marketer: string;
}

export interface PipelineStages {
  pipelineId: string;
  /** Open stages in pipeline order. */
  open: readonly { id: string; probability: number }[];
  won: { id: string; probability: number };
  lost: { id: string; probability: number };
}

export interface Product {
  id: string;
  name: string;
  line: ProductLine;
  price: number;
  cost: number;
}

export interface Catalogue {
  products: readonly Product[];
  /** Per product line, its products by popularity. */
  byLine: ReadonlyMap<string, WeightedTable<Product>>;
  consumerLines: WeightedTable<ProductLine>;
  businessLines: WeightedTable<ProductLine>;
  /** The few products behind most defect reports (a recurring problem to discover). */
  troubled: readonly Product[];
}

export interface Campaign {
  id: string;
  name: string;
  template: CampaignTemplate;
  startsAt: number;
  endsAt: number;
  status: 'planned' | 'active' | 'completed';
}

export interface DemoWorld {
  rng: Random;
  identity: Identity;
  /** The present of the data, and the start of its three-year window (ms). */
  now: number;
  start: number;
  currency: string;
  users: DemoUsers;
  stages: PipelineStages;
  catalogue: Catalogue;
  campaigns: readonly Campaign[];
  tags: ReadonlyMap<string, string>;
  /** Running counters for human-readable numbers. */
  counters: { order: number };
}

/** Rows made for one chunk of people, in load order. */
export class ChunkRows {
  readonly companies: RecordValues[] = [];
  readonly people: RecordValues[] = [];
  readonly campaignMembers: RecordValues[] = [];
  readonly deals: RecordValues[] = [];
  readonly stageHistory: Record<string, unknown>[] = [];
  readonly orders: RecordValues[] = [];
  readonly cases: RecordValues[] = [];
  readonly surveyResponses: RecordValues[] = [];
  readonly interactions: RecordValues[] = [];
  readonly notes: RecordValues[] = [];
  readonly tasks: RecordValues[] = [];
}

export const CHUNK_OBJECTS: readonly (readonly [keyof ChunkRows, ObjectDefinition])[] = [
  ['companies', companies], ['people', people], ['campaignMembers', campaignMembers], ['deals', deals], ['orders', orders],
  ['cases', cases], ['surveyResponses', surveyResponses], ['interactions', interactions], ['notes', notes], ['tasks', tasks],
];

/** A company of the chunk, with what its people did (which decides its type and tags). */
export interface CompanyPlan {
  id: string;
  createdAt: number;
  /** Field values decided when planned; type, tags and dates follow from its people. */
  values: RecordValues;
  country: CountryProfile;
  domain: string;
  employees: number;
  ownerId: string;
  members: PersonPlan[];
  /** Net revenue of its people's orders (minor units). */
  revenue: number;
}

export interface OrderSummary { id: string; number: string; at: number; products: Product[]; total: number }
export interface DealSummary { id: string; name: string; createdAt: number; closedAt: number | null; status: 'open' | 'won' | 'lost'; ownerId: string }
export interface CaseSummary { id: string; openedAt: number; status: string }

/** A person of the chunk and the facts about them that later generators read. */
export interface PersonPlan {
  id: string;
  /** Field values decided when planned; lifecycle dates and tags are settled at the end. */
  values: RecordValues;
  firstName: string;
  archetype: Archetype;
  country: CountryProfile;
  company: CompanyPlan | null;
  /** A second company the person also works with. */
  otherCompany: CompanyPlan | null;
  ownerId: string | null;
  lifecycleStage: string;
  source: string;
  /** First known, first order, and — for churned customers — the last moment they were active. */
  acquiredAt: number;
  firstOrderAt: number | null;
  leftAt: number | null;
  /** A business buyer whose first order closes a deal. */
  isDealLed: boolean;
  /** Products this customer keeps coming back to. */
  favourites: Product[];
  orders: OrderSummary[];
  deals: DealSummary[];
  cases: CaseSummary[];
  /** People this person referred. */
  referrals: number;
}

type RecordFactory = (id: string, createdAt: string, updatedAt: string, values: RecordValues) => RecordValues;
const factories = new WeakMap<ObjectDefinition, RecordFactory>();

/**
 * Compiles, once per definition, a function that builds a full record as one object literal:
 * every record then has the same shape (fast for V8), with empties filled in. Field names come
 * from the definition, are quoted with JSON.stringify, and never from data.
 */
function factoryOf(definition: ObjectDefinition): RecordFactory {
  let factory = factories.get(definition);
  if (!factory) {
    const system: Record<string, string> = {
      id: 'id', version: '1', createdAt: 'createdAt', createdBy: "'system'", updatedAt: 'updatedAt', updatedBy: "'system'", deletedAt: 'null',
    };
    const entries = definition.fields.map((field) => {
      const key = JSON.stringify(field.name);
      return `${key}: ${system[field.name] ?? `v[${key}] ?? ${isListField(field) ? '[]' : 'null'}`}`;
    });
    factory = new Function('id', 'createdAt', 'updatedAt', 'v', `return { ${entries.join(', ')} };`) as RecordFactory;
    factories.set(definition, factory);
  }
  return factory;
}

/**
 * The full record the bulk loader expects: every field of the definition present (null or []
 * when empty) and the system fields set. `createdAt` and `updatedAt` are instants in ms.
 */
export function complete(definition: ObjectDefinition, id: string, createdAt: number, updatedAt: number, values: RecordValues): RecordValues {
  const created = iso(createdAt);
  return factoryOf(definition)(id, created, updatedAt > createdAt ? iso(updatedAt) : created, values);
}
