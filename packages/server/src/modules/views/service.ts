// Saved views of list pages, the module's only door. A view names an object's columns, filter
// and sort; it is personal (its owner alone sees it) or shared (every member who reads the
// object sees it; admins and managers of the object keep it). Everything is checked against the
// object as the caller's role sees it, so a view never names a field hidden from its author.
import { ACTIONS, type Access } from '@rapport/core';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../../engine/context.js';
import { parseRecordFilter } from '../../engine/list-query.js';
import { parseSort } from '../../engine/sort.js';
import { BusinessRule, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../errors.js';
import type { NewView, View, ViewChange } from './schema.js';

/**
 * Whether the caller may create, change and delete shared views of `object`: admins, and roles
 * that may do everything with every record of it (managers). A shared view shapes what the whole
 * workspace sees, so it takes the widest grant the object has.
 * @example mayShareViews(new Access(builtInRole('manager')!), 'people') // true
 */
export function mayShareViews(access: Access, object: string): boolean {
  return access.isAdmin || (access.visibility(object) === 'all' && ACTIONS.every((action) => access.can(object, action)));
}

interface ViewRow {
  id: string;
  object: string;
  name: string;
  owner_id: string | null;
  is_shared: boolean;
  columns: string[];
  filter: string;
  sort: string | null;
  version: number | string;
  created_at: string;
  updated_at: string;
}

export class ViewService {
  /**
   * The caller's own views of an object and the workspace's shared ones, shared first, by name.
   * @example const { data, canShare } = await views.list(ctx, 'people');
   */
  async list(ctx: RequestContext, object: string): Promise<{ data: View[]; canShare: boolean }> {
    this.#readableObject(ctx, object, 'object');
    const userId = ctx.access.userId;
    const rows = await ctx.db.selectFrom('views').selectAll().where('object', '=', object)
      .where((eb) => userId ? eb.or([eb('is_shared', '=', ctx.dialect.toDb(true, 'boolean')), eb('owner_id', '=', userId)]) : eb('is_shared', '=', ctx.dialect.toDb(true, 'boolean')))
      .orderBy('name').orderBy('id').execute();
    const data = rows.map((raw) => readRow(ctx, raw)).map((row) => this.#describe(ctx, row)).sort((a, b) => Number(b.isShared) - Number(a.isShared));
    return { data, canShare: mayShareViews(ctx.access, object) };
  }

  /** One view the caller may see; another member's personal view is not found. */
  async get(ctx: RequestContext, id: string): Promise<View> {
    return this.#describe(ctx, await this.#visibleRow(ctx, id));
  }

  async create(ctx: RequestContext, input: NewView): Promise<View> {
    this.#readableObject(ctx, input.object, 'object');
    const isShared = input.isShared ?? false;
    this.#checkSharing(ctx, input.object, isShared);
    const values = this.#checkContent(ctx, input.object, input);
    const now = new Date().toISOString();
    const id = uuidv7();
    await ctx.db.insertInto('views').values({
      id, object: input.object, name: input.name, owner_id: ctx.access.userId ?? null, is_shared: ctx.dialect.toDb(isShared, 'boolean'),
      columns: ctx.dialect.toDb(values.columns, 'json'), filter: values.filter, sort: values.sort,
      version: 1, created_at: now, created_by: ctx.actor, updated_at: now, updated_by: ctx.actor,
    }).execute();
    return this.get(ctx, id);
  }

  /** Changes a view; with `expectedVersion` (If-Match), a stale version gets 409 and changes nothing. */
  async update(ctx: RequestContext, id: string, change: ViewChange, expectedVersion?: number): Promise<View> {
    return ctx.dialect.transaction(ctx.db, async (db) => {
      const tx = { ...ctx, db };
      const row = await this.#visibleRow(tx, id, true);
      this.#checkEditable(tx, row);
      const version = Number(row.version);
      const expected = expectedVersion ?? change.version;
      if (expected !== undefined && expected !== version) throw new VersionConflict(version, `the view is at version ${version}; read it again and retry`);
      const isShared = change.isShared ?? row.is_shared;
      if (change.isShared !== undefined) this.#checkSharing(tx, row.object, isShared);
      const values = this.#checkContent(tx, row.object, {
        columns: change.columns ?? row.columns,
        filter: change.filter ?? row.filter,
        sort: change.sort === undefined ? row.sort : change.sort,
      });
      const result = await db.updateTable('views').set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        is_shared: ctx.dialect.toDb(isShared, 'boolean'),
        columns: ctx.dialect.toDb(values.columns, 'json'), filter: values.filter, sort: values.sort,
        // A view made personal belongs to whoever made it so.
        ...(!isShared && row.is_shared ? { owner_id: ctx.access.userId ?? null } : {}),
        version: version + 1, updated_at: new Date().toISOString(), updated_by: ctx.actor,
      }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new VersionConflict(version);
      return this.get(tx, id);
    });
  }

  async delete(ctx: RequestContext, id: string, expectedVersion?: number): Promise<void> {
    await ctx.dialect.transaction(ctx.db, async (db) => {
      const tx = { ...ctx, db };
      const row = await this.#visibleRow(tx, id, true);
      this.#checkEditable(tx, row);
      if (expectedVersion !== undefined && expectedVersion !== Number(row.version)) throw new VersionConflict(Number(row.version));
      await db.deleteFrom('views').where('id', '=', id).execute();
    });
  }

  /** The row of a view the caller may see: shared, or their own; of an object they read. */
  async #visibleRow(ctx: RequestContext, id: string, forUpdate = false): Promise<ViewRow> {
    const query = ctx.db.selectFrom('views').selectAll().where('id', '=', id);
    const raw = await (forUpdate ? ctx.dialect.forUpdate(query) : query).executeTakeFirst();
    const row = raw && readRow(ctx, raw);
    const isVisible = row && (row.is_shared || (!!ctx.access.userId && row.owner_id === ctx.access.userId))
      && !!ctx.objects.get(row.object) && ctx.access.can(row.object, 'read');
    if (!row || !isVisible) throw new NotFound(`no view with id ${id}`);
    return row;
  }

  #readableObject(ctx: RequestContext, object: string, field: string): void {
    if (!ctx.objects.get(object)) throw new ValidationFailed([{ field, message: `unknown object ${object}` }]);
    if (!ctx.access.can(object, 'read')) throw new Forbidden(`your role (${ctx.access.role.label}) may not read ${object}`);
  }

  #checkSharing(ctx: RequestContext, object: string, isShared: boolean): void {
    if (isShared && !mayShareViews(ctx.access, object)) throw new Forbidden(`your role (${ctx.access.role.label}) may not share views of ${object}; save it as a personal view`);
    if (!isShared && !ctx.access.userId) throw new BusinessRule('a personal view belongs to a signed-in member; an API key may only keep shared views');
  }

  #checkEditable(ctx: RequestContext, row: ViewRow): void {
    if (row.is_shared && !mayShareViews(ctx.access, row.object)) {
      throw new Forbidden(`your role (${ctx.access.role.label}) may not change shared views of ${row.object}`);
    }
  }

  /** Columns, filter and sort checked against the object as the caller sees it. */
  #checkContent(ctx: RequestContext, object: string, input: { columns: string[]; filter?: string; sort?: string | null }) {
    const definition = ctx.objects.get(object)!;
    const problems = input.columns.flatMap((column, index) => {
      const field = definition.fields.find((candidate) => candidate.name === column);
      if (!field) return [{ field: `columns[${index}]`, message: `unknown field ${column} on ${object}` }];
      if (field.type === 'collection') return [{ field: `columns[${index}]`, message: `${column} is a collection and cannot be a column` }];
      if (input.columns.indexOf(column) !== index) return [{ field: `columns[${index}]`, message: `${column} is listed twice` }];
      return [];
    });
    if (problems.length) throw new ValidationFailed(problems);
    const filter = (input.filter ?? '').trim();
    // Checked as sent, so that a syntax error's position points into the caller's own text.
    if (filter) parseRecordFilter(definition, ctx.objects, input.filter!);
    const sort = input.sort?.trim() || null;
    if (sort) parseSort(definition, sort);
    return { columns: input.columns, filter, sort };
  }

  #describe(ctx: RequestContext, row: ViewRow): View {
    const isShared = row.is_shared;
    return {
      id: row.id, object: row.object, name: row.name,
      columns: row.columns, filter: row.filter, sort: row.sort,
      isShared, ownerId: row.owner_id,
      isEditable: isShared ? mayShareViews(ctx.access, row.object) : true,
      version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at,
    };
  }
}

/** A stored row with its booleans and JSON as JS values. */
function readRow(ctx: RequestContext, raw: Record<string, any>): ViewRow {
  return { ...raw, is_shared: ctx.dialect.fromDb(raw.is_shared, 'boolean') === true, columns: ctx.dialect.fromDb(raw.columns, 'json') as string[] } as ViewRow;
}
