// Writing a record's rows: its own row, its join-table links and its child rows.
import { isListField, type ObjectDefinition } from '@rapport/core';
import { v7 as uuidv7 } from 'uuid';
import { recordToRow, type RecordValues } from './codec.js';
import type { RequestContext } from './context.js';
import { storageOf, type FieldStorage } from './storage.js';

/** Kysely binds one parameter per value; keep each statement far from SQLite's 32,766 limit. */
const MAX_PARAMETERS = 30_000;

async function insertChunked(ctx: RequestContext, table: string, rows: RecordValues[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (Object.keys(rows[0]).length + 1)));
  for (let start = 0; start < rows.length; start += perStatement) {
    await ctx.db.insertInto(table).values(rows.slice(start, start + perStatement)).execute();
  }
}

function linkRows(place: Extract<FieldStorage, { kind: 'join' }>, recordId: string, ids: readonly string[]): RecordValues[] {
  const { sourceColumn, targetColumn, objectColumn } = place.through;
  return ids.map((id) => ({ [sourceColumn]: recordId, [targetColumn]: id, ...(objectColumn ? { [objectColumn]: place.object } : {}) }));
}

function childRows(ctx: RequestContext, place: Extract<FieldStorage, { kind: 'children' }>, recordId: string, items: readonly RecordValues[]): RecordValues[] {
  return items.map((item, position) => {
    const row: RecordValues = { id: (item.id as string | undefined) ?? uuidv7(), [place.collection.parentColumn]: recordId, position };
    for (const [name, column] of place.items) row[column.column] = ctx.dialect.toDb(item[name] ?? null, column.storage);
    return row;
  });
}

/** Inserts complete new records: every field present (null when empty). */
export async function insertRecords(ctx: RequestContext, definition: ObjectDefinition, records: readonly RecordValues[]): Promise<void> {
  const storage = storageOf(definition);
  await insertChunked(ctx, storage.table, records.map((record) => ({ custom: ctx.dialect.toDb({}, 'json'), ...recordToRow(ctx.dialect, definition, record) })));
  for (const [name, place] of storage.fields) {
    if (place.kind === 'join') await insertChunked(ctx, place.through.table, records.flatMap((record) => linkRows(place, record.id as string, (record[name] as string[] | null) ?? [])));
    if (place.kind === 'children') await insertChunked(ctx, place.collection.table, records.flatMap((record) => childRows(ctx, place, record.id as string, (record[name] as RecordValues[] | null) ?? [])));
  }
}

/** Replaces the join links and child rows of the changed list fields of one record. */
export async function replaceRelatedRows(ctx: RequestContext, definition: ObjectDefinition, recordId: string, changed: RecordValues): Promise<void> {
  const storage = storageOf(definition);
  for (const [name, value] of Object.entries(changed)) {
    const place = storage.fields.get(name);
    if (place?.kind === 'join') {
      const { table, sourceColumn, objectColumn } = place.through;
      let remove = ctx.db.deleteFrom(table).where(sourceColumn, '=', recordId);
      if (objectColumn) remove = remove.where(objectColumn, '=', place.object);
      await remove.execute();
      await insertChunked(ctx, table, linkRows(place, recordId, (value as string[] | null) ?? []));
    } else if (place?.kind === 'children') {
      await ctx.db.deleteFrom(place.collection.table).where(place.collection.parentColumn, '=', recordId).execute();
      await insertChunked(ctx, place.collection.table, childRows(ctx, place, recordId, (value as RecordValues[] | null) ?? []));
    }
  }
}

/** A value in the form used to decide whether a field changed: link sets sorted, item ids ignored. */
function comparable(definition: ObjectDefinition, name: string, value: unknown): string {
  const place = storageOf(definition).fields.get(name);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return 'null';
  if (place?.kind === 'join') return JSON.stringify([...(value as string[])].sort());
  if (place?.kind === 'children') return JSON.stringify((value as RecordValues[]).map(({ id: _id, ...rest }) => rest));
  return JSON.stringify(value);
}

/** Names of the writable-or-computed fields whose value differs between two versions of a record. */
export function changedFields(definition: ObjectDefinition, before: RecordValues, after: RecordValues): Set<string> {
  const changed = new Set<string>();
  for (const field of definition.fields) {
    if (field.isSystem || !(field.name in after)) continue;
    if (comparable(definition, field.name, before[field.name]) !== comparable(definition, field.name, after[field.name])) changed.add(field.name);
  }
  return changed;
}

/** A new record: defaults for absent fields, empty values for the rest, the creating user as owner, system fields set. */
export function newRecord(ctx: RequestContext, definition: ObjectDefinition, values: RecordValues, now: string): RecordValues {
  const record: RecordValues = {};
  for (const field of definition.fields) {
    if (field.name in values) record[field.name] = values[field.name];
    else if (field.defaultValue !== undefined && !field.isReadOnly) record[field.name] = field.defaultValue;
    else record[field.name] = isListField(field) ? [] : null;
  }
  // A record a user creates is theirs unless they name another owner.
  if (definition.ownerField && !(definition.ownerField in values) && ctx.access.userId) record[definition.ownerField] = ctx.access.userId;
  return Object.assign(record, { id: uuidv7(), version: 1, createdAt: now, createdBy: ctx.actor, updatedAt: now, updatedBy: ctx.actor, deletedAt: null });
}
