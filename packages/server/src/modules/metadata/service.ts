// Custom fields and custom objects, defined at run time without DDL: a custom field is a key of
// the record's JSON column, a custom object a kind of row in the shared custom_records table.
// Every change bumps the workspace's metadata version in the same transaction, so that every
// server process uses the new definition on its next request. A deleted field keeps its data
// (and comes back with `restore`) until it is purged.
import { isCurrencyCode, SYSTEM_FIELD_NAMES, type FieldDefinition, type ObjectDefinition } from '@rapport/core';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../../engine/context.js';
import { storageOf } from '../../engine/storage.js';
import { BusinessRule, Conflict, NotFound, ValidationFailed } from '../../errors.js';
import { customField, type DefinitionRegistry, type FieldRow, type StoredFieldOptions } from './registry.js';
import type { FieldChange, NewField, NewObject, ObjectChange } from './schema.js';

/** Words of the filter language: a field with such a name could not be filtered on. */
const RESERVED = new Set(['and', 'or', 'not', 'in', 'contains', 'startsWith', 'isEmpty', 'true', 'false', 'custom', 'object']);

export interface FieldSummary extends FieldDefinition {
  deletedAt?: string;
}

export class MetadataService {
  constructor(private readonly registry: DefinitionRegistry) {}

  /** The definition of an object as it stands after a change (the request's copy predates it). */
  async current(ctx: RequestContext, name: string): Promise<ObjectDefinition> {
    const { metadata_version: version } = await ctx.db.selectFrom('workspaces').select('metadata_version').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const definition = (await this.registry.objectsOf(ctx.db, ctx.dialect, ctx.workspaceId, Number(version))).get(name);
    if (!definition) throw new NotFound(`unknown object ${JSON.stringify(name)}`);
    return definition;
  }

  private async change<T>(ctx: RequestContext, work: (trx: Kysely<any>) => Promise<T>): Promise<T> {
    return ctx.dialect.transaction(ctx.db, async (trx) => {
      const result = await work(trx);
      await trx.updateTable('workspaces').set({ metadata_version: sql`metadata_version + 1` }).where('id', '=', ctx.workspaceId).execute();
      return result;
    });
  }

  /** The object as the request sees it, or 404. */
  object(ctx: RequestContext, name: string): ObjectDefinition {
    const definition = ctx.objects.get(name);
    if (!definition) throw new NotFound(`unknown object ${JSON.stringify(name)}`);
    return definition;
  }

  private customObject(ctx: RequestContext, name: string): ObjectDefinition {
    const definition = this.object(ctx, name);
    if (!definition.isCustom) throw new BusinessRule(`${name} is a standard object; only custom objects can be changed or deleted`);
    return definition;
  }

  /** The options stored for a new field, checked for its type. */
  private optionsOf(ctx: RequestContext, object: ObjectDefinition, field: NewField): StoredFieldOptions {
    const problems: { field: string; message: string }[] = [];
    const options: StoredFieldOptions = {};
    if (field.type === 'select' || field.type === 'multiSelect') {
      if (!field.choices) problems.push({ field: 'choices', message: `is required for a ${field.type} field` });
      else if (new Set(field.choices.map((c) => c.value)).size !== field.choices.length) problems.push({ field: 'choices', message: 'values must be unique' });
      options.choices = field.choices;
    } else if (field.choices) problems.push({ field: 'choices', message: `only select and multiSelect fields have choices` });
    if (field.type === 'relation') {
      if (!field.target) problems.push({ field: 'target', message: 'is required for a relation field' });
      else if (!ctx.objects.get(field.target)) problems.push({ field: 'target', message: `unknown object ${JSON.stringify(field.target)}` });
      options.relation = { target: field.target ?? '', cardinality: field.cardinality ?? 'one' };
    } else if (field.target || field.cardinality) problems.push({ field: field.target ? 'target' : 'cardinality', message: 'only relation fields link to an object' });
    if (field.type === 'currency') {
      const hasCurrencyField = object.fields.some((f) => f.name === 'currency' && f.type === 'currencyCode');
      if (field.currency && !isCurrencyCode(field.currency)) problems.push({ field: 'currency', message: 'is not an ISO 4217 currency code' });
      if (!hasCurrencyField) options.currency = field.currency ?? ctx.defaultCurrency;
    } else if (field.currency) problems.push({ field: 'currency', message: 'only currency fields have a currency' });
    if (field.type === 'rating' && field.max !== undefined && (!Number.isInteger(field.max) || field.max < 2 || field.max > 10)) {
      problems.push({ field: 'max', message: 'a rating goes up to a whole number from 2 to 10' });
    }
    for (const key of ['min', 'max', 'isInteger', 'maxLength'] as const) {
      if (field[key] === undefined) continue;
      const allowed = key === 'maxLength' ? field.type === 'text' : key === 'isInteger' ? field.type === 'number' : ['number', 'currency', 'rating'].includes(field.type) && !(key === 'min' && field.type === 'rating');
      if (!allowed) problems.push({ field: key, message: `does not apply to a ${field.type} field` });
      else (options as Record<string, unknown>)[key] = field[key];
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ field: 'min', message: 'is greater than max' });
    if (problems.length) throw new ValidationFailed(problems);
    return options;
  }

  /**
   * Adds a custom field; usable at once in writes, filters, sorts and the OpenAPI document.
   * @example await metadata.createField(ctx, 'people', { name: 'shoeSize', label: 'Shoe size', type: 'number' });
   */
  async createField(ctx: RequestContext, objectName: string, field: NewField): Promise<FieldDefinition> {
    const object = this.object(ctx, objectName);
    if (RESERVED.has(field.name) || SYSTEM_FIELD_NAMES.has(field.name)) throw new ValidationFailed([{ field: 'name', message: `${field.name} is reserved` }]);
    if (object.fields.some((f) => f.name === field.name)) throw new Conflict(`${objectName} already has a field named ${field.name}`, [{ field: 'name', message: 'is taken' }]);
    const options = this.optionsOf(ctx, object, field);
    return this.change(ctx, async (trx) => {
      const deleted = await trx.selectFrom('field_definitions').select('id').where('object_name', '=', objectName).where('name', '=', field.name).executeTakeFirst();
      if (deleted) throw new Conflict(`a deleted field named ${field.name} still holds data: restore or purge it first`, [{ field: 'name', message: 'belongs to a deleted field' }]);
      const now = new Date().toISOString();
      const position = object.fields.filter((f) => f.isCustom).length;
      const row = {
        id: uuidv7(), object_name: objectName, name: field.name, label: field.label, type: field.type, description: field.description ?? null,
        is_required: ctx.dialect.toDb(field.isRequired ?? false, 'boolean'), options: ctx.dialect.toDb(options, 'json'), position,
        created_at: now, updated_at: now, deleted_at: null,
      };
      await trx.insertInto('field_definitions').values(row).execute();
      return customField(row as unknown as FieldRow, ctx.dialect);
    });
  }

  private async fieldRow(trx: Kysely<any>, objectName: string, name: string, state: 'live' | 'deleted') {
    const row = await trx.selectFrom('field_definitions').selectAll().where('object_name', '=', objectName).where('name', '=', name)
      .where('deleted_at', state === 'live' ? 'is' : 'is not', null).executeTakeFirst();
    if (!row) throw new NotFound(`${objectName} has no ${state === 'deleted' ? 'deleted ' : ''}custom field named ${name}`);
    return row;
  }

  /** Changes a custom field's label, description, requiredness, bounds or choices (choices can be added, not removed). */
  async updateField(ctx: RequestContext, objectName: string, name: string, change: FieldChange): Promise<FieldDefinition> {
    this.object(ctx, objectName);
    return this.change(ctx, async (trx) => {
      const row = await this.fieldRow(trx, objectName, name, 'live');
      const current = customField(row as FieldRow, ctx.dialect);
      const options = { ...(ctx.dialect.fromDb(row.options, 'json') as StoredFieldOptions) };
      if (change.choices) {
        if (current.type !== 'select' && current.type !== 'multiSelect') throw new ValidationFailed([{ field: 'choices', message: `a ${current.type} field has no choices` }]);
        const kept = new Set(change.choices.map((c) => c.value));
        const removed = (current.choices ?? []).filter((c) => !kept.has(c.value)).map((c) => c.value);
        if (removed.length) throw new BusinessRule(`choices can be added or relabelled but not removed (${removed.join(', ')})`, [{ field: 'choices', message: 'would remove values records may hold' }]);
        options.choices = change.choices;
      }
      for (const key of ['min', 'max', 'isInteger', 'maxLength'] as const) if (change[key] !== undefined) (options as Record<string, unknown>)[key] = change[key];
      await trx.updateTable('field_definitions').set({
        label: change.label ?? row.label,
        description: change.description ?? row.description,
        is_required: change.isRequired === undefined ? row.is_required : ctx.dialect.toDb(change.isRequired, 'boolean'),
        options: ctx.dialect.toDb(options, 'json'),
        updated_at: new Date().toISOString(),
      }).where('id', '=', row.id).execute();
      return customField({ ...(row as FieldRow), label: change.label ?? row.label, description: change.description ?? row.description, is_required: change.isRequired ?? row.is_required, options: ctx.dialect.toDb(options, 'json') }, ctx.dialect);
    });
  }

  /** Hides a custom field; its values stay in the records until `purgeField`. */
  async deleteField(ctx: RequestContext, objectName: string, name: string): Promise<void> {
    this.object(ctx, objectName);
    await this.change(ctx, async (trx) => {
      const row = await this.fieldRow(trx, objectName, name, 'live');
      await trx.updateTable('field_definitions').set({ deleted_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    });
  }

  /** Brings a deleted custom field back, with the values it had. */
  async restoreField(ctx: RequestContext, objectName: string, name: string): Promise<FieldDefinition> {
    const object = this.object(ctx, objectName);
    if (object.fields.some((f) => f.name === name)) throw new Conflict(`${objectName} already has a live field named ${name}`);
    return this.change(ctx, async (trx) => {
      const row = await this.fieldRow(trx, objectName, name, 'deleted');
      await trx.updateTable('field_definitions').set({ deleted_at: null, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
      return customField(row as FieldRow, ctx.dialect);
    });
  }

  /** Erases a deleted field's values from every record, then the field itself. */
  async purgeField(ctx: RequestContext, objectName: string, name: string): Promise<{ purgedRecords: number }> {
    const object = this.object(ctx, objectName);
    const storage = storageOf(object);
    return this.change(ctx, async (trx) => {
      const row = await this.fieldRow(trx, objectName, name, 'deleted');
      const custom = sql.ref('custom');
      let update = trx.updateTable(storage.table).set({ custom: ctx.dialect.jsonWithout(custom, name) })
        .where(sql`${ctx.dialect.jsonGet(custom, name, 'json')} is not null` as never);
      if (storage.discriminator) update = update.where('object', '=', storage.discriminator);
      const result = await update.executeTakeFirst();
      await trx.deleteFrom('field_definitions').where('id', '=', row.id).execute();
      return { purgedRecords: Number(result.numUpdatedRows) };
    });
  }

  /** Custom fields of an object that were deleted but still hold data. */
  async deletedFields(ctx: RequestContext, objectName: string): Promise<FieldSummary[]> {
    this.object(ctx, objectName);
    const rows = await ctx.db.selectFrom('field_definitions').selectAll().where('object_name', '=', objectName).where('deleted_at', 'is not', null).orderBy('deleted_at').execute();
    return rows.map((row) => ({ ...customField(row as FieldRow, ctx.dialect), deletedAt: row.deleted_at }));
  }

  /**
   * Creates a custom object with a required `name` field; it gets the full record API at once.
   * @example await metadata.createObject(ctx, { name: 'projects', labelSingular: 'Project', labelPlural: 'Projects' });
   */
  async createObject(ctx: RequestContext, input: NewObject): Promise<void> {
    if (RESERVED.has(input.name)) throw new ValidationFailed([{ field: 'name', message: `${input.name} is reserved` }]);
    if (ctx.objects.get(input.name)) throw new Conflict(`an object named ${input.name} exists`, [{ field: 'name', message: 'is taken' }]);
    await this.change(ctx, async (trx) => {
      const taken = await trx.selectFrom('object_definitions').select('id').where('name', '=', input.name).executeTakeFirst();
      if (taken) throw new Conflict(`a deleted object named ${input.name} still holds records: restore it instead`, [{ field: 'name', message: 'belongs to a deleted object' }]);
      const now = new Date().toISOString();
      await trx.insertInto('object_definitions').values({
        id: uuidv7(), name: input.name, label_singular: input.labelSingular, label_plural: input.labelPlural,
        description: input.description ?? null, created_at: now, updated_at: now, deleted_at: null,
      }).execute();
    });
  }

  async updateObject(ctx: RequestContext, name: string, change: ObjectChange): Promise<void> {
    this.customObject(ctx, name);
    await this.change(ctx, (trx) => trx.updateTable('object_definitions').set({
      ...(change.labelSingular ? { label_singular: change.labelSingular } : {}),
      ...(change.labelPlural ? { label_plural: change.labelPlural } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      updated_at: new Date().toISOString(),
    }).where('name', '=', name).execute());
  }

  /** Hides a custom object; its records stay, and come back with `restoreObject`. */
  async deleteObject(ctx: RequestContext, name: string): Promise<void> {
    this.customObject(ctx, name);
    const linking = ctx.objects.list().filter((object) => object.name !== name).flatMap((object) => object.fields.filter((f) => f.relation?.target === name).map((f) => `${object.name}.${f.name}`));
    if (linking.length) throw new BusinessRule(`relation fields link to ${name}: ${linking.join(', ')}; delete them first`);
    await this.change(ctx, (trx) => trx.updateTable('object_definitions').set({ deleted_at: new Date().toISOString() }).where('name', '=', name).execute());
  }

  async restoreObject(ctx: RequestContext, name: string): Promise<void> {
    if (ctx.objects.get(name)) throw new Conflict(`${name} is not deleted`);
    await this.change(ctx, async (trx) => {
      const result = await trx.updateTable('object_definitions').set({ deleted_at: null, updated_at: new Date().toISOString() }).where('name', '=', name).where('deleted_at', 'is not', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new NotFound(`no deleted object named ${name}`);
    });
  }
}
