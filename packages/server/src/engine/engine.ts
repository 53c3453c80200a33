// The record engine's one door: every object, standard or custom, is read and written through
// these operations. Domain modules add behaviour with hooks (`engine.hooks.register`).
import type { ObjectDefinition } from '@rapport/core';
import { NotFound } from '../errors.js';
import { MAX_BATCH, updateRecords, upsertRecords, upsertKeys } from './batch.js';
import type { RecordValues } from './codec.js';
import type { RequestContext } from './context.js';
import { readHistory } from './history.js';
import { HookRegistry } from './hooks.js';
import { parseFields, parseListQuery, type ListQueryInput } from './list-query.js';
import { getRecord, listRecords } from './read.js';
import { deleteRecord, restoreRecord } from './trash.js';
import { createRecords, updateRecord } from './write.js';

export class RecordEngine {
  readonly hooks = new HookRegistry();

  /** The definition of `object` in the caller's workspace, or 404. */
  definition(ctx: RequestContext, object: string): ObjectDefinition {
    const definition = ctx.objects.get(object);
    if (!definition) throw new NotFound(`unknown object ${JSON.stringify(object)}; GET /api/v1/metadata/objects lists them`);
    return definition;
  }

  list(ctx: RequestContext, object: string, query: ListQueryInput) {
    const definition = this.definition(ctx, object);
    return listRecords(ctx, definition, parseListQuery(definition, ctx.objects, query));
  }

  async get(ctx: RequestContext, object: string, id: string, options: { fields?: string } = {}): Promise<RecordValues> {
    const definition = this.definition(ctx, object);
    const record = await getRecord(ctx, definition, id, { fields: options.fields ? parseFields(definition, options.fields) : undefined });
    if (!record) throw new NotFound(`no ${definition.labelSingular.toLowerCase()} with id ${id}`);
    return record;
  }

  async create(ctx: RequestContext, object: string, body: unknown): Promise<RecordValues> {
    return (await createRecords(ctx, this.hooks, this.definition(ctx, object), [body], { isBatch: false }))[0];
  }

  createMany(ctx: RequestContext, object: string, bodies: readonly unknown[]): Promise<RecordValues[]> {
    return createRecords(ctx, this.hooks, this.definition(ctx, object), bodies, { isBatch: true });
  }

  update(ctx: RequestContext, object: string, id: string, body: unknown, expectedVersion?: number): Promise<RecordValues> {
    return updateRecord(ctx, this.hooks, this.definition(ctx, object), id, body, { expectedVersion });
  }

  updateMany(ctx: RequestContext, object: string, items: readonly unknown[]): Promise<RecordValues[]> {
    return updateRecords(ctx, this.hooks, this.definition(ctx, object), items);
  }

  upsert(ctx: RequestContext, object: string, key: string, bodies: readonly unknown[]) {
    return upsertRecords(ctx, this.hooks, this.definition(ctx, object), key, bodies);
  }

  upsertKeys(ctx: RequestContext, object: string): string[] {
    return upsertKeys(this.definition(ctx, object));
  }

  delete(ctx: RequestContext, object: string, id: string, expectedVersion?: number): Promise<RecordValues> {
    return deleteRecord(ctx, this.hooks, this.definition(ctx, object), id, expectedVersion);
  }

  restore(ctx: RequestContext, object: string, id: string, expectedVersion?: number): Promise<RecordValues> {
    return restoreRecord(ctx, this.hooks, this.definition(ctx, object), id, expectedVersion);
  }

  async history(ctx: RequestContext, object: string, id: string, options: { limit: number; cursor?: string }) {
    const definition = this.definition(ctx, object);
    if (!(await getRecord(ctx, definition, id, { withTrashed: true, fields: [] }))) {
      throw new NotFound(`no ${definition.labelSingular.toLowerCase()} with id ${id}`);
    }
    return readHistory(ctx, definition, id, { limit: options.limit, before: options.cursor });
  }
}

export { MAX_BATCH };
export type { RecordValues, RequestContext };
