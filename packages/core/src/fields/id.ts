import { EQUALITY, ok, ORDERED, refuse, type FieldTypeSpec, type Normalized } from './spec.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs (v7 when Rapport makes them), compared in lower case. */
export function uuidOf(value: unknown): Normalized {
  return typeof value === 'string' && UUID.test(value) ? ok(value.toLowerCase()) : refuse(`expects a UUID, got ${JSON.stringify(value)}`);
}

export const UUID_SCHEMA = { type: 'string', format: 'uuid' } as const;

export const id: FieldTypeSpec = {
  type: 'id',
  schema: () => ({ ...UUID_SCHEMA }),
  normalize: uuidOf,
  normalizeLiteral: uuidOf,
  operators: ORDERED, // UUIDv7 ids are time-ordered, so ranges on them are meaningful
  valueKind: 'string',
  isList: false,
  isSortable: true,
};

/** A workspace member: the user id. */
export const user: FieldTypeSpec = {
  type: 'user',
  schema: () => ({ ...UUID_SCHEMA }),
  normalize: uuidOf,
  normalizeLiteral: uuidOf,
  operators: EQUALITY,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
