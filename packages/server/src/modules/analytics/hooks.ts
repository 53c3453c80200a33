// Keeps computed metrics current: a change to anything a customer's metrics read (orders,
// cases, survey answers, interactions, notes, deals, campaign membership and cost, the person's
// company) enqueues a recompute of that customer in the change's own transaction. The job
// worker picks it up within a poll interval (250 ms by default).
import type { ObjectHooks, UpdateEvent, CreateEvent } from '../../engine/hooks.js';
import { enqueue } from '../../engine/jobs.js';
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';

export const PERSON_JOB = 'analytics.person';
export const COMPANY_JOB = 'analytics.company';
export const CAMPAIGN_JOB = 'analytics.campaign';

const ids = (...values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];

async function touch(ctx: RequestContext, people: string[], companies: string[] = []): Promise<void> {
  for (const key of people) await enqueue(ctx, { kind: PERSON_JOB, key });
  for (const key of companies) await enqueue(ctx, { kind: COMPANY_JOB, key });
}

/** Hooks that enqueue the customers a record concerns, before and after the change. */
function concerning(people: (record: RecordValues) => unknown[], companies: (record: RecordValues) => unknown[] = () => []): ObjectHooks {
  const created = ({ ctx, record }: CreateEvent) => touch(ctx, ids(...people(record)), ids(...companies(record)));
  const updated = ({ ctx, record, previous }: UpdateEvent) => touch(ctx, ids(...people(record), ...people(previous)), ids(...companies(record), ...companies(previous)));
  return { afterCreate: created, afterUpdate: updated, afterDelete: created, afterRestore: created };
}

const personOf = (record: RecordValues) => [record.personId];
const participantsOf = (record: RecordValues) =>
  Array.isArray(record.participants) ? (record.participants as RecordValues[]).map((p) => p.personId) : [];

/** Hooks per object API name. */
export const analyticsHooks: Record<string, ObjectHooks> = {
  orders: concerning(personOf),
  cases: concerning(personOf),
  surveyResponses: concerning(personOf),
  notes: concerning(personOf),
  deals: concerning(personOf),
  campaignMembers: concerning(personOf),
  interactions: concerning(participantsOf),
  // A person's own metrics come from other records; their company's pool changes with them.
  people: {
    ...concerning(() => [], (record) => [record.companyId]),
    async afterUpdate({ ctx, record, previous, changes }) {
      if (changes.has('companyId')) await touch(ctx, [], ids(record.companyId, previous.companyId));
    },
  },
  campaigns: {
    async afterUpdate({ ctx, record, changes }) {
      if (changes.has('actualCost')) await enqueue(ctx, { kind: CAMPAIGN_JOB, key: String(record.id) });
    },
  },
};
