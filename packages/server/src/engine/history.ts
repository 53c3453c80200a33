// Field-level history: who changed which field when, old → new; written in the same
// transaction as the change, read back per record.
import type { ObjectDefinition } from '@rapport/core';
import type { SelectQueryBuilder } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { RecordValues } from './codec.js';
import type { RequestContext } from './context.js';

export type HistoryOperation = 'create' | 'update' | 'delete' | 'restore';

export interface HistoryEntry {
  id: string;
  changeId: string;
  operation: HistoryOperation;
  /** The changed field (updates), or null for a whole-record event. */
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  changedBy: string | null;
}

export interface HistoryRow {
  recordId: string;
  operation: HistoryOperation;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

/** Appends history rows for one change (one `changeId`) at `at`. */
export async function writeHistory(ctx: RequestContext, definition: ObjectDefinition, at: string, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const changeId = uuidv7();
  const values = rows.map((row) => ({
    id: uuidv7(),
    object: definition.name,
    record_id: row.recordId,
    change_id: changeId,
    operation: row.operation,
    field: row.field ?? null,
    old_value: ctx.dialect.toDb(row.oldValue ?? null, 'json'),
    new_value: ctx.dialect.toDb(row.newValue ?? null, 'json'),
    changed_at: at,
    changed_by: ctx.actor,
  }));
  for (let start = 0; start < values.length; start += 2000) {
    await ctx.db.insertInto('record_history').values(values.slice(start, start + 2000)).execute();
  }
}

/** The values a create recorded: the fields that were set, without system fields. */
export function createdValues(definition: ObjectDefinition, record: RecordValues): RecordValues {
  const out: RecordValues = {};
  for (const field of definition.fields) {
    const value = record[field.name];
    if (field.isSystem || value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[field.name] = value;
  }
  return out;
}

/** A record's history, newest first. History ids are UUIDv7, so id order is time order; the cursor is the last id. */
export async function readHistory(
  ctx: RequestContext, definition: ObjectDefinition, recordId: string, options: { limit: number; before?: string; only?: string[] },
): Promise<{ data: HistoryEntry[]; nextCursor: string | null }> {
  let query = ctx.db.selectFrom('record_history').selectAll()
    .where('object', '=', definition.name).where('record_id', '=', recordId)
    .orderBy('id', 'desc').limit(options.limit + 1);
  if (options.before) query = query.where('id', '<', options.before);
  if (options.only) query = query.where('id', 'in', options.only);
  // Fields the caller's role does not see (absent from its view of the definition) stay out.
  const hidden = ctx.access.hiddenFields(definition.name);
  query = onlyVisibleChanges(ctx, definition, query);
  const rows = await query.execute();
  const visible = (value: unknown) => (hidden.length && value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([name]) => !hidden.includes(name)))
    : value);
  const data = rows.slice(0, options.limit).map((row): HistoryEntry => ({
    id: row.id,
    changeId: row.change_id,
    operation: row.operation,
    field: row.field,
    oldValue: row.field ? ctx.dialect.fromDb(row.old_value, 'json') : visible(ctx.dialect.fromDb(row.old_value, 'json')),
    newValue: row.field ? ctx.dialect.fromDb(row.new_value, 'json') : visible(ctx.dialect.fromDb(row.new_value, 'json')),
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  }));
  return { data, nextCursor: rows.length > options.limit ? data[data.length - 1].id : null };
}

/** Restricts a query on record_history to changes of fields the caller's role sees. */
export function onlyVisibleChanges<Q extends SelectQueryBuilder<any, any, any>>(ctx: RequestContext, definition: ObjectDefinition, query: Q): Q {
  const hidden = ctx.access.hiddenFields(definition.name);
  return hidden.length ? query.where((eb) => eb.or([eb('field', 'is', null), eb('field', 'not in', hidden)])) as Q : query;
}
