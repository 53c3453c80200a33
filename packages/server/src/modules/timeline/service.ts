// A record's timeline: every interaction, note, task, deal, case, order and survey answer that
// concerns it (found through whichever relation fields of those objects point at it), its own
// field history, and — for an object with a roll-up, such as a company — the items of the
// records that belong to it (its people). Newest first, keyset-paginated on (at, id).
import type { FieldDefinition, ObjectDefinition } from '@rapport/core';
import { sql, type Expression, type Kysely } from 'kysely';
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';
import type { RecordEngine } from '../../engine/engine.js';
import { onlyVisibleChanges, readHistory } from '../../engine/history.js';
import { fieldExpression } from '../../engine/codec.js';
import { fromObject, getRecordsByIds } from '../../engine/read.js';
import { storageOf } from '../../engine/storage.js';
import { ValidationFailed } from '../../errors.js';

export interface TimelineEntry {
  kind: string;
  object: string;
  id: string;
  at: string;
  title: string | null;
  /** The record (interactions, notes…) or the history row (kind `change`). */
  data: RecordValues;
}

export const HISTORY_KIND = 'change';

/** The ids an item may point at: the record itself, or a subquery (its people). */
type Targets = readonly string[] | Expression<unknown>;

function inTargets(expression: Expression<unknown>, targets: Targets) {
  return Array.isArray(targets) ? sql`${expression} in (${sql.join(targets)})` : sql`${expression} in ${targets}`;
}

/** The condition "record `t` of `source` points at one of `targets` through `field`". */
function pointsAt(ctx: RequestContext, source: ObjectDefinition, field: FieldDefinition, targets: Targets, itemField?: FieldDefinition) {
  const place = storageOf(source).fields.get(field.name)!;
  if (place.kind === 'join') {
    const { table, sourceColumn, targetColumn, objectColumn } = place.through;
    let links = ctx.db.selectFrom(`${table} as j`).select(`j.${sourceColumn}`).where(inTargets(sql.ref(`j.${targetColumn}`), targets) as never);
    if (objectColumn) links = links.where(`j.${objectColumn}`, '=', place.object);
    return sql`t.id in ${links}`;
  }
  if (place.kind === 'children') {
    const column = place.items.get(itemField!.name)!.column;
    const items = ctx.db.selectFrom(`${place.collection.table} as c`).select(`c.${place.collection.parentColumn}`).where(inTargets(sql.ref(`c.${column}`), targets) as never);
    return sql`t.id in ${items}`;
  }
  if (field.relation?.cardinality === 'many') return undefined; // custom to-many links are not followed on timelines
  return inTargets(fieldExpression(ctx.dialect, source, field, 't'), targets);
}

/** Every way records of `source` can point at records of `targetName`. */
function linksTo(ctx: RequestContext, source: ObjectDefinition, targetName: string, targets: Targets) {
  const conditions = [];
  for (const field of source.fields) {
    if (field.type === 'relation' && field.relation?.target === targetName) conditions.push(pointsAt(ctx, source, field, targets));
    if (field.type === 'collection') {
      for (const item of field.collection?.fields ?? []) {
        if (item.type === 'relation' && item.relation?.target === targetName) conditions.push(pointsAt(ctx, source, field, targets, item));
      }
    }
  }
  return conditions.filter((condition) => condition !== undefined);
}

/** The ids of the records that roll up into `definition`'s record (a company's people). */
function rolledUp(ctx: RequestContext, definition: ObjectDefinition, id: string): { object: string; ids: Expression<unknown> } | undefined {
  const rollup = definition.timelineRollup;
  const members = rollup && ctx.objects.get(rollup.object);
  const field = members?.fields.find((f) => f.name === rollup!.field);
  if (!members || !field) return undefined;
  const condition = pointsAt(ctx, members, field, [id]);
  if (!condition) return undefined;
  const ids = fromObject(ctx, members).select('t.id').where('t.deleted_at', 'is', null).where(condition as never);
  return { object: members.name, ids };
}

interface Cursor {
  at: string;
  id: string;
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch { /* fall through */ }
  throw new ValidationFailed([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}

export class TimelineService {
  constructor(private readonly engine: RecordEngine) {}

  /** The kinds of entries a timeline can hold, for the `kinds` filter. */
  kinds(ctx: RequestContext): string[] {
    return [...ctx.objects.list().flatMap((definition) => (definition.timeline ? [definition.timeline.kind] : [])), HISTORY_KIND];
  }

  /**
   * One page of a record's timeline.
   * @example await timeline.page(ctx, 'companies', companyId, { limit: 50 })
   */
  async page(ctx: RequestContext, object: string, id: string, options: { limit: number; cursor?: string; kinds?: string[] }) {
    const definition = this.engine.definition(ctx, object);
    await this.engine.get(ctx, object, id, { fields: 'id' }); // 404 for an unknown or trashed record
    const known = this.kinds(ctx);
    const unknown = (options.kinds ?? []).filter((kind) => !known.includes(kind));
    if (unknown.length) throw new ValidationFailed([{ field: 'kinds', message: `unknown kind(s) ${unknown.join(', ')}; use ${known.join(', ')}` }]);
    const wanted = (kind: string) => !options.kinds?.length || options.kinds.includes(kind);
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const rollup = rolledUp(ctx, definition, id);
    const fetch = options.limit + 1;

    const candidates: { at: string; id: string; source: ObjectDefinition | null }[] = [];
    for (const source of ctx.objects.list()) {
      if (!source.timeline || !wanted(source.timeline.kind)) continue;
      const conditions = [...linksTo(ctx, source, definition.name, [id]), ...(rollup ? linksTo(ctx, source, rollup.object, rollup.ids) : [])];
      if (source.name === definition.name) conditions.length = 0; // a record is not on its own timeline
      if (conditions.length === 0) continue;
      const atField = source.fields.find((field) => field.name === source.timeline!.at)!;
      const at = sql<string>`coalesce(${fieldExpression(ctx.dialect, source, atField, 't')}, t.created_at)`;
      let query = fromObject(ctx, source).select([at.as('at'), 't.id']).where('t.deleted_at', 'is', null)
        .where(sql`(${sql.join(conditions, sql` or `)})` as never);
      if (after) query = query.where(sql`(${at} < ${after.at} or (${at} = ${after.at} and t.id < ${after.id}))` as never);
      const rows = await query.orderBy(sql`1`, 'desc').orderBy('t.id', 'desc').limit(fetch).execute();
      for (const row of rows) candidates.push({ at: row.at, id: row.id, source });
    }
    if (wanted(HISTORY_KIND)) {
      let query = onlyVisibleChanges(ctx, definition, (ctx.db as Kysely<any>).selectFrom('record_history').select(['changed_at as at', 'id']).where('object', '=', definition.name).where('record_id', '=', id));
      if (after) query = query.where(sql`(changed_at < ${after.at} or (changed_at = ${after.at} and id < ${after.id}))` as never);
      for (const row of await query.orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(fetch).execute()) candidates.push({ at: row.at, id: row.id, source: null });
    }

    candidates.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    const page = candidates.slice(0, options.limit);
    const data = await this.entries(ctx, definition, id, page);
    const last = page[page.length - 1];
    const nextCursor = candidates.length > options.limit && last ? Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url') : null;
    return { data, nextCursor };
  }

  private async entries(ctx: RequestContext, definition: ObjectDefinition, id: string, page: { at: string; id: string; source: ObjectDefinition | null }[]) {
    const bySource = new Map<ObjectDefinition, string[]>();
    for (const item of page) if (item.source) bySource.set(item.source, [...(bySource.get(item.source) ?? []), item.id]);
    const records = new Map<string, RecordValues>();
    for (const [source, ids] of bySource) for (const [recordId, record] of await getRecordsByIds(ctx, source, ids)) records.set(recordId, record);
    const historyIds = new Set(page.filter((item) => !item.source).map((item) => item.id));
    const history = historyIds.size ? (await readHistory(ctx, definition, id, { limit: 10_000, before: undefined, only: [...historyIds] })).data : [];
    const historyById = new Map(history.map((entry) => [entry.id, entry]));
    return page.map((item): TimelineEntry => {
      if (!item.source) {
        const entry = historyById.get(item.id)!;
        return { kind: HISTORY_KIND, object: definition.name, id: item.id, at: item.at, title: entry.field ? `${entry.field} changed` : `${entry.operation}d`, data: entry as unknown as RecordValues };
      }
      const record = records.get(item.id)!;
      const spec = item.source.timeline!;
      return { kind: spec.kind, object: item.source.name, id: item.id, at: item.at, title: (record[spec.title] as string | null) ?? null, data: record };
    });
  }
}
