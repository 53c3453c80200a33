// Checks a write must pass against other rows: every relation points at a live record of the
// same workspace (the scoped handle makes another workspace's ids invisible), every user field
// at a member, and unique fields stay unique among live records.
import type { FieldDefinition, ObjectDefinition } from '@rapport/core';
import { Conflict, ValidationFailed, type FieldProblem } from '../errors.js';
import { ROOT, type RecordValues } from './codec.js';
import type { RequestContext } from './context.js';
import { fromObject } from './read.js';
import { storageOf } from './storage.js';

export interface PendingWrite {
  /** Index in a batch, for error messages. */
  index?: number;
  /** The record's id (absent for lookups before an id exists). */
  id: string;
  /** The values being written (only changed fields for updates). */
  values: RecordValues;
}

interface Reference {
  index?: number;
  field: string;
  id: string;
}

const CHUNK = 500;

function collect(definition: ObjectDefinition, writes: readonly PendingWrite[]) {
  const byTarget = new Map<string, Reference[]>();
  const users: Reference[] = [];
  const add = (field: FieldDefinition, path: string, index: number | undefined, value: unknown) => {
    if (value === null || value === undefined) return;
    if (field.type === 'user') users.push({ index, field: path, id: String(value) });
    if (field.type === 'relation' && field.relation) {
      const list = byTarget.get(field.relation.target) ?? [];
      for (const id of Array.isArray(value) ? value : [value]) list.push({ index, field: path, id: String(id) });
      byTarget.set(field.relation.target, list);
    }
  };
  for (const write of writes) {
    for (const field of definition.fields) {
      if (!(field.name in write.values)) continue;
      const value = write.values[field.name];
      if (field.type === 'collection' && field.collection && Array.isArray(value)) {
        value.forEach((item: RecordValues, i) => {
          for (const itemField of field.collection!.fields) add(itemField, `${field.name}[${i}].${itemField.name}`, write.index, item[itemField.name]);
        });
      } else add(field, field.name, write.index, value);
    }
  }
  return { byTarget, users };
}

async function existing(ctx: RequestContext, ids: string[], find: (chunk: string[]) => Promise<string[]>): Promise<Set<string>> {
  const found = new Set<string>();
  const distinct = [...new Set(ids)];
  for (let start = 0; start < distinct.length; start += CHUNK) {
    for (const id of await find(distinct.slice(start, start + CHUNK))) found.add(id);
  }
  return found;
}

/** Refuses (400) a write whose relations or user fields point at nothing live in the workspace. */
export async function checkReferences(ctx: RequestContext, definition: ObjectDefinition, writes: readonly PendingWrite[]): Promise<void> {
  const { byTarget, users } = collect(definition, writes);
  const problems: FieldProblem[] = [];
  for (const [targetName, references] of byTarget) {
    const target = ctx.objects.get(targetName);
    const found = target
      ? await existing(ctx, references.map((r) => r.id), async (chunk) =>
          (await fromObject(ctx, target).select(`${ROOT}.id`).where(`${ROOT}.id`, 'in', chunk).where(`${ROOT}.deleted_at`, 'is', null).execute()).map((row) => row.id))
      : new Set<string>();
    for (const reference of references) {
      if (!found.has(reference.id)) problems.push({ index: reference.index, field: reference.field, message: `no ${target?.labelSingular.toLowerCase() ?? targetName} with id ${reference.id}` });
    }
  }
  if (users.length) {
    const found = await existing(ctx, users.map((u) => u.id), async (chunk) =>
      (await ctx.db.selectFrom('workspace_members').select('user_id').where('user_id', 'in', chunk).execute()).map((row) => row.user_id));
    for (const user of users) if (!found.has(user.id)) problems.push({ index: user.index, field: user.field, message: `no member of this workspace with id ${user.id}` });
  }
  if (problems.length) throw new ValidationFailed(problems);
}

/** Refuses (409) a write that would give two live records the same value of a unique field. */
export async function checkUnique(ctx: RequestContext, definition: ObjectDefinition, writes: readonly PendingWrite[]): Promise<void> {
  const storage = storageOf(definition);
  const problems: FieldProblem[] = [];
  for (const field of definition.fields.filter((f) => f.isUnique)) {
    const place = storage.fields.get(field.name);
    if (place?.kind !== 'column') continue;
    const claimed = new Map<unknown, PendingWrite>();
    for (const write of writes) {
      const value = write.values[field.name];
      if (value === null || value === undefined) continue;
      const earlier = claimed.get(value);
      if (earlier) problems.push({ index: write.index, field: field.name, message: `${JSON.stringify(value)} is also given to the record at index ${earlier.index}` });
      else claimed.set(value, write);
    }
    const values = [...claimed.keys()];
    for (let start = 0; start < values.length; start += CHUNK) {
      const rows = await fromObject(ctx, definition, 'anyOwner').select([`${ROOT}.id`, `${ROOT}.${place.column} as value`])
        .where(`${ROOT}.${place.column}`, 'in', values.slice(start, start + CHUNK) as never[]).where(`${ROOT}.deleted_at`, 'is', null).execute();
      for (const row of rows) {
        const write = claimed.get(row.value);
        if (write && write.id !== row.id) problems.push({ index: write.index, field: field.name, message: `${JSON.stringify(row.value)} is already used by ${definition.name}/${row.id}` });
      }
    }
  }
  if (problems.length) throw new Conflict(problems.map((p) => `${p.index !== undefined ? `[${p.index}] ` : ''}${p.field}: ${p.message}`).join('; '), problems);
}
