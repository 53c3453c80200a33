// Where each field of an object lives: a column, a key of the record's JSON column, a join
// table, or a child table. Derived from the definition by convention (camelCase → snake_case).
import type { CollectionSpec, FieldDefinition, JoinTable, ObjectDefinition } from '@rapport/core';
import type { StorageKind } from '../db/dialects/dialect.js';
import { snakeCase } from '../db/tables.js';

export type ColumnStorage = { kind: 'column'; column: string; storage: StorageKind };

export type FieldStorage =
  | ColumnStorage
  | { kind: 'json'; key: string; storage: StorageKind }
  | { kind: 'join'; through: JoinTable; object: string }
  | { kind: 'children'; collection: CollectionSpec; items: ReadonlyMap<string, ColumnStorage> };

export interface ObjectStorage {
  table: string;
  /** Custom objects share one table; this is the value of its `object` column. */
  discriminator?: string;
  fields: ReadonlyMap<string, FieldStorage>;
}

export const CUSTOM_RECORDS_TABLE = 'custom_records';

/** How a scalar value of this field is stored. */
export function storageKindOf(field: FieldDefinition): StorageKind {
  switch (field.type) {
    case 'number': return field.isInteger ? 'integer' : 'float';
    case 'currency':
    case 'rating': return 'integer';
    case 'boolean': return 'boolean';
    case 'multiSelect':
    case 'emailList':
    case 'phoneList':
    case 'collection': return 'json';
    case 'relation': return field.relation?.cardinality === 'many' ? 'json' : 'text';
    default: return 'text';
  }
}

const cache = new WeakMap<ObjectDefinition, ObjectStorage>();

/**
 * The storage of an object; cached per definition (definitions are immutable).
 * @example storageOf(people).fields.get('companyId') // { kind: 'column', column: 'company_id', storage: 'text' }
 */
export function storageOf(definition: ObjectDefinition): ObjectStorage {
  const cached = cache.get(definition);
  if (cached) return cached;
  const fields = new Map<string, FieldStorage>();
  for (const field of definition.fields) fields.set(field.name, fieldStorage(definition, field));
  const storage: ObjectStorage = definition.isCustom
    ? { table: CUSTOM_RECORDS_TABLE, discriminator: definition.name, fields }
    : { table: snakeCase(definition.name), fields };
  cache.set(definition, storage);
  return storage;
}

function fieldStorage(definition: ObjectDefinition, field: FieldDefinition): FieldStorage {
  if (field.isCustom || (definition.isCustom && !field.isSystem)) return { kind: 'json', key: field.name, storage: storageKindOf(field) };
  if (field.type === 'relation' && field.relation?.through) return { kind: 'join', through: field.relation.through, object: definition.name };
  if (field.type === 'collection' && field.collection) {
    const items = new Map(field.collection.fields.map((item): [string, ColumnStorage] => [item.name, { kind: 'column', column: snakeCase(item.name), storage: storageKindOf(item) }]));
    return { kind: 'children', collection: field.collection, items };
  }
  return { kind: 'column', column: snakeCase(field.name), storage: storageKindOf(field) };
}
