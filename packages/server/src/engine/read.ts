// Reading records: one record by id, or a page of a filtered, sorted list with a cursor.
import type { BoundFilter, FieldDefinition, ObjectDefinition } from '@rapport/core';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { RequestContext } from './context.js';
import { ROOT, rowToRecord, selectFields, type RecordValues } from './codec.js';
import { compileFilter } from './filter-sql.js';
import { afterCursor, encodeCursor, orderBy, type SortKey } from './sort.js';
import { storageOf } from './storage.js';

export interface ListOptions {
  filter?: BoundFilter;
  sort: SortKey[];
  /** Fields to return; all when absent. `id` and `version` are always returned. */
  fields?: readonly FieldDefinition[];
  limit: number;
  cursor?: string;
  withTotal?: boolean;
  /** List the trash instead of live records. */
  trashed?: boolean;
}

export interface ListPage {
  data: RecordValues[];
  nextCursor: string | null;
  total?: number;
}

/**
 * Whose records a query reaches: those the caller may see (every read and write on their behalf),
 * or any owner's (uniqueness checks, reading back what was just written).
 */
export type Reach = 'visible' | 'anyOwner';

/** `select … from <table> as t` restricted to the object (custom objects share a table) and, by default, to the records the caller may see. */
export function fromObject(ctx: RequestContext, definition: ObjectDefinition, reach: Reach = 'visible'): SelectQueryBuilder<any, any, any> {
  const storage = storageOf(definition);
  let query = ctx.db.selectFrom(`${storage.table} as ${ROOT}`);
  if (storage.discriminator) query = query.where(`${ROOT}.object`, '=', storage.discriminator);
  const owners = reach === 'visible' && definition.ownerField ? ctx.access.visibleOwners(definition.name) : 'all';
  if (owners !== 'all') {
    const place = storage.fields.get(definition.ownerField!);
    if (place?.kind !== 'column') throw new Error(`${definition.name}.${definition.ownerField} is not a column`);
    const column = `${ROOT}.${place.column}`;
    query = query.where((eb) => eb.or([
      ...(owners.owners.length ? [eb(column, 'in', owners.owners)] : []),
      ...(owners.includesUnowned ? [eb(column, 'is', null)] : []),
      ...(!owners.owners.length && !owners.includesUnowned ? [sql<boolean>`1 = 0`] : []),
    ]));
  }
  return query;
}

function withAlwaysReturned(definition: ObjectDefinition, fields: readonly FieldDefinition[] | undefined): readonly FieldDefinition[] {
  if (!fields) return definition.fields;
  const names = new Set(['id', 'version', ...fields.map((field) => field.name)]);
  return definition.fields.filter((field) => names.has(field.name));
}

/** A page of records. */
export async function listRecords(ctx: RequestContext, definition: ObjectDefinition, options: ListOptions): Promise<ListPage> {
  const output = withAlwaysReturned(definition, options.fields);
  // The sort fields are read even when not asked for: the cursor is made of them.
  const read = withAlwaysReturned(definition, [...output, ...options.sort.map((key) => key.field)]);
  let query = fromObject(ctx, definition).where(`${ROOT}.deleted_at`, options.trashed ? 'is not' : 'is', null);
  if (options.filter) query = query.where(compileFilter(ctx.db, ctx.dialect, definition, options.filter));
  const counted = query;
  if (options.cursor) query = query.where(afterCursor(ctx.dialect, definition, options.sort, options.cursor));
  query = orderBy(selectFields(query, ctx.db, ctx.dialect, definition, read), ctx.dialect, definition, options.sort).limit(options.limit + 1);

  const rows = await query.execute();
  const records = rows.slice(0, options.limit).map((row) => rowToRecord(ctx.dialect, definition, read, row));
  const nextCursor = rows.length > options.limit ? encodeCursor(options.sort, records[records.length - 1]) : null;
  const data = read.length === output.length ? records : records.map((record) => pick(record, output));
  const page: ListPage = { data, nextCursor };
  if (options.withTotal) {
    const { count } = await counted.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    page.total = Number(count);
  }
  return page;
}

function pick(record: RecordValues, fields: readonly FieldDefinition[]): RecordValues {
  return Object.fromEntries(fields.map((field) => [field.name, record[field.name]]));
}

/** One record by id, or undefined. Trashed records only when `withTrashed`. */
export async function getRecord(
  ctx: RequestContext, definition: ObjectDefinition, id: string, options: { fields?: readonly FieldDefinition[]; withTrashed?: boolean; reach?: Reach } = {},
): Promise<RecordValues | undefined> {
  const fields = withAlwaysReturned(definition, options.fields);
  let query = selectFields(fromObject(ctx, definition, options.reach).where(`${ROOT}.id`, '=', id), ctx.db, ctx.dialect, definition, fields);
  if (!options.withTrashed) query = query.where(`${ROOT}.deleted_at`, 'is', null);
  const row = await query.executeTakeFirst();
  return row ? rowToRecord(ctx.dialect, definition, fields, row) : undefined;
}

/** Records by id (trashed ones included), in batches of 500. */
export async function getRecordsByIds(ctx: RequestContext, definition: ObjectDefinition, ids: readonly string[], reach: Reach = 'visible'): Promise<Map<string, RecordValues>> {
  const byId = new Map<string, RecordValues>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await selectFields(fromObject(ctx, definition, reach).where(`${ROOT}.id`, 'in', ids.slice(start, start + 500)), ctx.db, ctx.dialect, definition, definition.fields).execute();
    for (const row of rows) {
      const record = rowToRecord(ctx.dialect, definition, definition.fields, row);
      byId.set(record.id as string, record);
    }
  }
  return byId;
}
