// Creating and updating records: validate, run hooks, check integrity, write rows and
// history — all of one request in one transaction, so a crash leaves nothing half-written.
import type { ObjectDefinition } from '@rapport/core';
import { NotFound, ValidationFailed, VersionConflict, type FieldProblem } from '../errors.js';
import { recordToRow, ROOT, type RecordValues } from './codec.js';
import { withTransaction, type RequestContext } from './context.js';
import { createdValues, writeHistory } from './history.js';
import type { HookRegistry } from './hooks.js';
import { checkReferences, checkUnique } from './integrity.js';
import { fromObject, getRecord, getRecordsByIds } from './read.js';
import { changedFields, insertRecords, newRecord, replaceRelatedRows } from './rows.js';
import { storageOf } from './storage.js';
import { validateWrite } from './validate.js';

/** Runs `validate` for each item; throws one ValidationFailed with every item's problems. */
export function validateAll<T>(items: readonly unknown[], validate: (item: unknown, index: number) => T): T[] {
  const problems: FieldProblem[] = [];
  const results = items.map((item, index) => {
    try {
      return validate(item, index);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      problems.push(...(error.errors ?? []));
      return undefined as T;
    }
  });
  if (problems.length) throw new ValidationFailed(problems);
  return results;
}

/** Reads back records just written, in the given order. */
export async function readBack(ctx: RequestContext, definition: ObjectDefinition, ids: readonly string[]): Promise<RecordValues[]> {
  const byId = await getRecordsByIds(ctx, definition, ids, 'anyOwner');
  return ids.map((id) => byId.get(id)!);
}

/**
 * Inserts already-validated values as new records inside the caller's transaction.
 * `indices` name each record's place in the request, for error messages.
 */
export async function insertValidated(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, values: readonly RecordValues[], indices?: readonly number[],
): Promise<string[]> {
  const now = new Date().toISOString();
  const records = values.map((value) => newRecord(ctx, definition, value, now));
  for (const record of records) await hooks.run('beforeCreate', { ctx, definition, record });
  const writes = records.map((record, i) => ({ index: indices?.[i], id: record.id as string, values: record }));
  await checkReferences(ctx, definition, writes);
  await checkUnique(ctx, definition, writes);
  await insertRecords(ctx, definition, records);
  await writeHistory(ctx, definition, now, records.map((record) => ({ recordId: record.id as string, operation: 'create', newValue: createdValues(definition, record) })));
  for (const record of records) await hooks.run('afterCreate', { ctx, definition, record });
  return records.map((record) => record.id as string);
}

/**
 * Creates records, all or none.
 * @example const [person] = await createRecords(ctx, hooks, people, [{ firstName: 'Ada' }]);
 */
export async function createRecords(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, bodies: readonly unknown[], options: { isBatch: boolean },
): Promise<RecordValues[]> {
  const values = validateAll(bodies, (body, index) => validateWrite(definition, body, 'create', options.isBatch ? index : undefined));
  return ctx.dialect.transaction(ctx.db, async (trx) => {
    const tctx = withTransaction(ctx, trx);
    const ids = await insertValidated(tctx, hooks, definition, values, options.isBatch ? values.map((_, i) => i) : undefined);
    return readBack(tctx, definition, ids);
  });
}

/** Locks a record for the rest of the transaction; returns its version and stored custom JSON. */
export async function lockRecord(ctx: RequestContext, definition: ObjectDefinition, id: string, state: 'live' | 'trashed') {
  const query = fromObject(ctx, definition).select([`${ROOT}.version`, `${ROOT}.custom`]).where(`${ROOT}.id`, '=', id)
    .where(`${ROOT}.deleted_at`, state === 'live' ? 'is' : 'is not', null);
  const row = await ctx.dialect.forUpdate(query).executeTakeFirst();
  return row ? { version: Number(row.version), custom: (ctx.dialect.fromDb(row.custom, 'json') ?? {}) as RecordValues } : undefined;
}

export interface UpdateOptions {
  expectedVersion?: number;
  /** Index in a batch, for error messages. */
  index?: number;
}

/** Applies validated changes to a live record inside the caller's transaction. */
export async function updateValidated(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, id: string, changes: RecordValues, options: UpdateOptions = {},
): Promise<RecordValues> {
  const locked = await lockRecord(ctx, definition, id, 'live');
  const inBatch = options.index !== undefined ? [{ index: options.index, field: 'id', message: `no ${definition.labelSingular.toLowerCase()} with id ${id}` }] : undefined;
  if (!locked) throw inBatch ? new ValidationFailed(inBatch) : new NotFound(`no ${definition.labelSingular.toLowerCase()} with id ${id}`);
  if (options.expectedVersion !== undefined && options.expectedVersion !== locked.version) {
    const problems = options.index !== undefined ? [{ index: options.index, field: 'version', message: `is ${options.expectedVersion}; the record is at ${locked.version}` }] : undefined;
    throw new VersionConflict(locked.version, undefined, problems);
  }
  const previous = (await getRecord(ctx, definition, id))!;
  const record = { ...previous, ...changes };
  await hooks.run('beforeUpdate', { ctx, definition, record, previous, changes: changedFields(definition, previous, record) });
  const changed = changedFields(definition, previous, record);
  if (changed.size === 0) return previous;

  const now = new Date().toISOString();
  const changedValues = Object.fromEntries([...changed].map((name) => [name, record[name]]));
  await checkReferences(ctx, definition, [{ index: options.index, id, values: changedValues }]);
  await checkUnique(ctx, definition, [{ index: options.index, id, values: changedValues }]);
  const storage = storageOf(definition);
  const row: RecordValues = { ...recordToRow(ctx.dialect, definition, changedValues, locked.custom), version: locked.version + 1, updated_at: now, updated_by: ctx.actor };
  delete row.object; // the discriminator of a custom record never changes
  const result = await ctx.db.updateTable(storage.table).set(row).where('id', '=', id).where('version', '=', locked.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new VersionConflict(locked.version);
  await replaceRelatedRows(ctx, definition, id, changedValues);
  await writeHistory(ctx, definition, now, [...changed].map((field) => ({ recordId: id, operation: 'update', field, oldValue: previous[field], newValue: record[field] })));
  const updated = (await getRecord(ctx, definition, id, { reach: 'anyOwner' }))!;
  await hooks.run('afterUpdate', { ctx, definition, record: updated, previous, changes: changed });
  return updated;
}

/**
 * Updates one record; with `expectedVersion` (If-Match), a stale version gets 409 and changes nothing.
 * @example await updateRecord(ctx, hooks, people, id, { jobTitle: 'CTO' }, { expectedVersion: 3 });
 */
export async function updateRecord(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, id: string, body: unknown, options: UpdateOptions = {},
): Promise<RecordValues> {
  const changes = validateWrite(definition, body, 'update');
  return ctx.dialect.transaction(ctx.db, (trx) => updateValidated(withTransaction(ctx, trx), hooks, definition, id, changes, options));
}
