// Reading records: one record by id, or a page of a filtered, sorted list with a cursor.
import type { BoundFilter, FieldDefinition, ObjectDefinition } from '@rapport/core';
import { CompiledQuery, sql, type SelectQueryBuilder } from 'kysely';
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

/**
 * Reading one record by id is the hottest path of the API, and building a Kysely query (with the
 * scope plugin's rewrite) costs several times more than running it. So the compiled SQL is kept
 * per workspace, definition and shape, with stand-ins for the id and owners that are swapped for
 * the real values at each call. The workspace condition is compiled in by the scoped handle.
 */
const ID_STAND_IN = '\u0000record-id';
const OWNER_STAND_IN = '\u0000owner-';
const TEMPLATES_PER_DEFINITION = 500;
const templates = new WeakMap<ObjectDefinition, Map<string, CompiledQuery>>();

function getRecordTemplate(ctx: RequestContext, definition: ObjectDefinition, fields: readonly FieldDefinition[], withTrashed: boolean, reach: Reach): { compiled: CompiledQuery; owners: readonly string[] } {
  const visible = reach === 'visible' && definition.ownerField ? ctx.access.visibleOwners(definition.name) : 'all';
  const owners = visible === 'all' ? [] : visible.owners;
  const key = `${ctx.workspaceId}|${fields.map((f) => f.name).join(',')}|${withTrashed}|${visible === 'all' ? 'all' : `${owners.length}:${visible.includesUnowned}`}`;
  let byShape = templates.get(definition);
  if (!byShape) templates.set(definition, (byShape = new Map()));
  let compiled = byShape.get(key);
  if (!compiled) {
    const standIns = { ...ctx, access: visible === 'all' ? ctx.access : withOwners(ctx.access, definition.name, owners.map((_, i) => `${OWNER_STAND_IN}${i}`)) };
    let query = selectFields(fromObject(standIns, definition, reach).where(`${ROOT}.id`, '=', ID_STAND_IN), ctx.db, ctx.dialect, definition, fields);
    if (!withTrashed) query = query.where(`${ROOT}.deleted_at`, 'is', null);
    compiled = query.compile();
    if (byShape.size >= TEMPLATES_PER_DEFINITION) byShape.delete(byShape.keys().next().value!);
    byShape.set(key, compiled);
  }
  return { compiled, owners };
}

/** The same access, but seeing exactly `owners` of one object (to compile a template with stand-ins). */
function withOwners(access: RequestContext['access'], object: string, owners: readonly string[]): RequestContext['access'] {
  const includesUnowned = (access.visibleOwners(object) as { includesUnowned: boolean }).includesUnowned;
  return Object.assign(Object.create(access), { visibleOwners: () => ({ owners, includesUnowned }) });
}

/** One record by id, or undefined. Trashed records only when `withTrashed`. */
export async function getRecord(
  ctx: RequestContext, definition: ObjectDefinition, id: string, options: { fields?: readonly FieldDefinition[]; withTrashed?: boolean; reach?: Reach } = {},
): Promise<RecordValues | undefined> {
  const fields = withAlwaysReturned(definition, options.fields);
  const { compiled, owners } = getRecordTemplate(ctx, definition, fields, !!options.withTrashed, options.reach ?? 'visible');
  const parameters = compiled.parameters.map((value) => {
    if (value === ID_STAND_IN) return id;
    if (typeof value === 'string' && value.startsWith(OWNER_STAND_IN)) return owners[Number(value.slice(OWNER_STAND_IN.length))];
    return value;
  });
  const { rows } = await ctx.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(compiled.sql, parameters));
  return rows[0] ? rowToRecord(ctx.dialect, definition, fields, rows[0]) : undefined;
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
