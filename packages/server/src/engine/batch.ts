// Batches: up to 1,000 updates or upserts in one call, all or nothing, each problem named by
// the index of its record.
import { uuidOf, type ObjectDefinition } from '@rapport/core';
import { ValidationFailed } from '../errors.js';
import { ROOT, type RecordValues } from './codec.js';
import { withTransaction, type RequestContext } from './context.js';
import type { HookRegistry } from './hooks.js';
import { fromObject } from './read.js';
import { storageOf } from './storage.js';
import { validateWrite } from './validate.js';
import { insertValidated, readBack, updateValidated, validateAll } from './write.js';

export const MAX_BATCH = 1000;

interface ItemUpdate {
  id: string;
  version?: number;
  changes: RecordValues;
}

function splitUpdate(definition: ObjectDefinition, item: unknown, index: number): ItemUpdate {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ValidationFailed([{ index, field: '', message: 'must be a JSON object with id and the fields to change' }]);
  const { id, version, ...changes } = item as RecordValues;
  const problems = [];
  const parsedId = uuidOf(id);
  if (!parsedId.ok) problems.push({ index, field: 'id', message: id === undefined ? 'is required' : parsedId.message });
  if (version !== undefined && !Number.isSafeInteger(version)) problems.push({ index, field: 'version', message: 'must be an integer' });
  if (problems.length) throw new ValidationFailed(problems);
  return { id: parsedId.ok ? (parsedId.value as string) : '', version: version as number | undefined, changes: validateWrite(definition, changes, 'update', index) };
}

/** Updates up to 1,000 records by id (each with an optional `version` to check), all or none. */
export async function updateRecords(ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, items: readonly unknown[]): Promise<RecordValues[]> {
  const updates = validateAll(items, (item, index) => splitUpdate(definition, item, index));
  const seen = new Map<string, number>();
  updates.forEach((update, index) => {
    if (seen.has(update.id)) throw new ValidationFailed([{ index, field: 'id', message: `the same record is also updated at index ${seen.get(update.id)}` }]);
    seen.set(update.id, index);
  });
  return ctx.dialect.transaction(ctx.db, async (trx) => {
    const tctx = withTransaction(ctx, trx);
    const out: RecordValues[] = [];
    for (const [index, update] of updates.entries()) {
      out.push(await updateValidated(tctx, hooks, definition, update.id, update.changes, { expectedVersion: update.version, index }));
    }
    return out;
  });
}

export interface UpsertResult {
  record: RecordValues;
  created: boolean;
}

/** Fields usable as upsert keys: unique fields stored in a column. */
export function upsertKeys(definition: ObjectDefinition): string[] {
  const storage = storageOf(definition);
  return definition.fields.filter((field) => field.isUnique && storage.fields.get(field.name)?.kind === 'column').map((field) => field.name);
}

/**
 * Creates or updates records matched on a unique key, all or none.
 * @example await upsertRecords(ctx, hooks, people, 'email', [{ email: 'ada@example.com', jobTitle: 'CTO' }]);
 */
export async function upsertRecords(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, key: string, bodies: readonly unknown[],
): Promise<UpsertResult[]> {
  const keys = upsertKeys(definition);
  if (!keys.includes(key)) {
    throw new ValidationFailed([{ field: 'key', message: keys.length ? `must be one of ${keys.join(', ')}` : `${definition.name} has no unique field to upsert on` }]);
  }
  const column = (storageOf(definition).fields.get(key) as { column: string }).column;
  const normalized = validateAll(bodies, (body, index) => {
    const values = validateWrite(definition, body, 'update', index);
    if (values[key] === null || values[key] === undefined) throw new ValidationFailed([{ index, field: key, message: 'is the upsert key and is required' }]);
    return values;
  });
  return ctx.dialect.transaction(ctx.db, async (trx) => {
    const tctx = withTransaction(ctx, trx);
    const existing = new Map<unknown, string>();
    const values = normalized.map((value) => value[key]);
    for (let start = 0; start < values.length; start += 500) {
      const rows = await fromObject(tctx, definition).select([`${ROOT}.id`, `${ROOT}.${column} as value`])
        .where(`${ROOT}.${column}`, 'in', values.slice(start, start + 500) as never[]).where(`${ROOT}.deleted_at`, 'is', null).execute();
      for (const row of rows) existing.set(row.value, row.id);
    }
    const toCreate = normalized.flatMap((value, index) => (existing.has(value[key]) ? [] : [index]));
    const creates = validateAll(toCreate, (index) => validateWrite(definition, bodies[index as number], 'create', index as number));
    const createdIds = await insertValidated(tctx, hooks, definition, creates, toCreate);
    const created = new Map(toCreate.map((index, i) => [index, createdIds[i]]));
    const results: UpsertResult[] = [];
    for (const [index, value] of normalized.entries()) {
      const id = existing.get(value[key]);
      if (id) results.push({ record: await updateValidated(tctx, hooks, definition, id, value, { index }), created: false });
      else results.push({ record: (await readBack(tctx, definition, [created.get(index)!]))[0], created: true });
    }
    return results;
  });
}
