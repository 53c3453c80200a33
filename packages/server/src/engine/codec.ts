// Rows to records and back, at the database boundary: column names, booleans, JSON, the
// custom-field JSON column, and the selections that bring join and child rows in one query.
import { isListField, type FieldDefinition, type ObjectDefinition } from '@rapport/core';
import { sql, type Expression, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../db/dialects/dialect.js';
import { storageOf, type FieldStorage } from './storage.js';

export type RecordValues = Record<string, unknown>;

/** The alias the engine gives the table of the object it reads. */
export const ROOT = 't';

/**
 * Adds to `query` the selections needed to read `fields` of records of `definition` aliased `t`.
 * Join and child fields come back as JSON arrays from correlated subqueries: one round trip.
 */
export function selectFields(
  query: SelectQueryBuilder<any, any, any>, db: Kysely<any>, dialect: Dialect, definition: ObjectDefinition, fields: readonly FieldDefinition[],
): SelectQueryBuilder<any, any, any> {
  const storage = storageOf(definition);
  const selections: unknown[] = [];
  let needsCustom = false;
  for (const field of fields) {
    const place = storage.fields.get(field.name)!;
    switch (place.kind) {
      case 'column': selections.push(`${ROOT}.${place.column}`); break;
      case 'json': needsCustom = true; break;
      case 'join': selections.push(joinIds(db, dialect, place).as(`__${field.name}`)); break;
      case 'children': selections.push(childRows(db, dialect, place).as(`__${field.name}`)); break;
    }
  }
  if (needsCustom) selections.push(`${ROOT}.custom`);
  return query.select(selections as never);
}

function joinIds(db: Kysely<any>, dialect: Dialect, place: Extract<FieldStorage, { kind: 'join' }>) {
  const { table, sourceColumn, targetColumn, objectColumn } = place.through;
  let sub = db.selectFrom(`${table} as j`).select(`j.${targetColumn} as id`).whereRef(`j.${sourceColumn}`, '=', `${ROOT}.id`);
  if (objectColumn) sub = sub.where(`j.${objectColumn}`, '=', place.object);
  return dialect.jsonArrayFrom(sub.orderBy(`j.${targetColumn}`));
}

function childRows(db: Kysely<any>, dialect: Dialect, place: Extract<FieldStorage, { kind: 'children' }>) {
  const { table, parentColumn } = place.collection;
  const columns = [...place.items.entries()].map(([name, item]) => `c.${item.column} as ${name}`);
  const sub = db.selectFrom(`${table} as c`).select(['c.id as id', ...columns]).whereRef(`c.${parentColumn}`, '=', `${ROOT}.id`).orderBy('c.position');
  return dialect.jsonArrayFrom(sub);
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * A database row (as selected by `selectFields`) to a record in API shape: every asked field
 * present, lists as arrays, empty scalars as null.
 */
export function rowToRecord(dialect: Dialect, definition: ObjectDefinition, fields: readonly FieldDefinition[], row: Record<string, unknown>): RecordValues {
  const storage = storageOf(definition);
  const custom = row.custom === undefined ? undefined : (dialect.fromDb(row.custom, 'json') as RecordValues | null) ?? {};
  const record: RecordValues = {};
  for (const field of fields) {
    const place = storage.fields.get(field.name)!;
    let value: unknown;
    switch (place.kind) {
      case 'column': value = dialect.fromDb(row[place.column], place.storage); break;
      case 'json': value = custom?.[place.key] ?? null; break;
      case 'join': value = (parseJson(row[`__${field.name}`]) as { id: string }[]).map((item) => item.id); break;
      case 'children': {
        const items = parseJson(row[`__${field.name}`]) as RecordValues[];
        value = items.map((item) => {
          const out: RecordValues = { id: item.id };
          for (const [name, itemPlace] of place.items) out[name] = dialect.fromDb(item[name], itemPlace.storage);
          return out;
        });
        break;
      }
    }
    record[field.name] = isListField(field) ? (value ?? []) : value;
  }
  return record;
}

/**
 * The column values of a record's own row (not join or child rows); custom fields go to
 * `custom`, laid over `baseCustom` (the stored JSON) so that the values of deleted, not yet
 * purged fields survive an update.
 */
export function recordToRow(dialect: Dialect, definition: ObjectDefinition, values: RecordValues, baseCustom?: RecordValues): RecordValues {
  const storage = storageOf(definition);
  const row: RecordValues = {};
  let custom: RecordValues | undefined;
  for (const [name, value] of Object.entries(values)) {
    const place = storage.fields.get(name);
    if (!place) continue;
    if (place.kind === 'column') row[place.column] = dialect.toDb(emptyToNull(value), place.storage);
    else if (place.kind === 'json') {
      custom ??= { ...baseCustom };
      custom[place.key] = value;
    }
  }
  if (custom) row.custom = dialect.toDb(withoutNulls(custom), 'json');
  if (storage.discriminator) row.object = storage.discriminator;
  return row;
}

/** An empty list is stored as no value, so that "empty" has one stored form. */
function emptyToNull(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? null : value;
}

/** Custom values are stored without empty keys: an absent key is an empty value. */
export function withoutNulls(values: RecordValues): RecordValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => emptyToNull(value) !== null && value !== undefined));
}

/** The expression of a scalar field of the record aliased `alias`, for filters and sorts. */
export function fieldExpression(dialect: Dialect, definition: ObjectDefinition, field: FieldDefinition, alias: string): Expression<unknown> {
  const place = storageOf(definition).fields.get(field.name)!;
  if (place.kind === 'column') return sql.ref(`${alias}.${place.column}`);
  if (place.kind === 'json') return dialect.jsonGet(sql.ref(`${alias}.custom`), place.key, place.storage);
  throw new Error(`${definition.name}.${field.name} has no scalar expression`);
}
