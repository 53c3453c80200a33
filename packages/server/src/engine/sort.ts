// Sorting and keyset pagination. A list is ordered by up to three fields then by id; empty
// values sort last in both directions; a cursor holds the sort keys of the last row it returned,
// so the next page starts after it whatever was inserted meanwhile.
import { isSortableField, type FieldDefinition, type ObjectDefinition } from '@rapport/core';
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '../db/dialects/dialect.js';
import { ValidationFailed } from '../errors.js';
import { fieldExpression, ROOT, type RecordValues } from './codec.js';
import { storageKindOf } from './storage.js';

export interface SortKey {
  field: FieldDefinition;
  descending: boolean;
}

export const MAX_SORT_KEYS = 3;
export const DEFAULT_SORT = '-createdAt';
/** Never empty: these columns are NOT NULL, so their comparisons need no NULL handling. */
const NEVER_EMPTY = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * Parses `sort=lastName,-createdAt` against a definition; refuses unknown and unsortable fields.
 * @example parseSort(people, '-createdAt') // [{ field: createdAt, descending: true }]
 */
export function parseSort(definition: ObjectDefinition, text: string | undefined): SortKey[] {
  const parts = (text ?? DEFAULT_SORT).split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_SORT_KEYS) {
    throw new ValidationFailed([{ field: 'sort', message: `expects 1 to ${MAX_SORT_KEYS} comma-separated fields, each optionally preceded by -` }]);
  }
  return parts.map((part) => {
    const descending = part.startsWith('-');
    const name = descending ? part.slice(1) : part;
    const field = definition.fields.find((f) => f.name === name);
    if (!field) throw new ValidationFailed([{ field: 'sort', message: `unknown field ${JSON.stringify(name)} on ${definition.name}` }]);
    if (!isSortableField(field)) throw new ValidationFailed([{ field: 'sort', message: `${name} (${field.type}) cannot be sorted` }]);
    return { field, descending };
  });
}

function signature(keys: readonly SortKey[]): string {
  return keys.map((key) => `${key.descending ? '-' : ''}${key.field.name}`).join(',');
}

interface CursorBody {
  s: string;
  v: unknown[];
}

/** The cursor that continues after `last`. */
export function encodeCursor(keys: readonly SortKey[], last: RecordValues): string {
  const body: CursorBody = { s: signature(keys), v: [...keys.map((key) => last[key.field.name] ?? null), last.id] };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeCursor(keys: readonly SortKey[], cursor: string): unknown[] {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw new ValidationFailed([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  if (!body || body.s !== signature(keys) || !Array.isArray(body.v) || body.v.length !== keys.length + 1 || typeof body.v[keys.length] !== 'string') {
    throw new ValidationFailed([{ field: 'cursor', message: 'belongs to another sort order or is damaged; start again without a cursor' }]);
  }
  return body.v;
}

/** Orders `query` by the keys (empty values last), then by id. */
export function orderBy<Q extends SelectQueryBuilder<any, any, any>>(query: Q, dialect: Dialect, definition: ObjectDefinition, keys: readonly SortKey[]): Q {
  let ordered = query;
  for (const key of keys) {
    const expression = fieldExpression(dialect, definition, key.field, ROOT);
    const direction = key.descending ? sql`desc` : sql`asc`;
    ordered = ordered.orderBy(NEVER_EMPTY.has(key.field.name) ? sql`${expression} ${direction}` : sql`${expression} ${direction} nulls last`) as Q;
  }
  return ordered.orderBy(sql`${sql.ref(`${ROOT}.id`)} ${keys[0].descending ? sql`desc` : sql`asc`}`) as Q;
}

/** The condition "comes after the row the cursor points at" in the order of `orderBy`. */
export function afterCursor(dialect: Dialect, definition: ObjectDefinition, keys: readonly SortKey[], cursor: string): Expression<SqlBool> {
  const values = decodeCursor(keys, cursor);
  const idField = definition.fields.find((field) => field.name === 'id')!;
  const all = [...keys, { field: idField, descending: keys[0].descending }];
  const alternatives: RawBuilder<SqlBool>[] = [];
  const equalSoFar: RawBuilder<SqlBool>[] = [];
  all.forEach((key, i) => {
    const expression = fieldExpression(dialect, definition, key.field, ROOT);
    const value = dialect.toDb(values[i], storageKindOf(key.field));
    const nullable = !NEVER_EMPTY.has(key.field.name);
    const beyond = key.descending ? sql`<` : sql`>`;
    let after: RawBuilder<SqlBool> | undefined;
    let equal: RawBuilder<SqlBool>;
    if (value === null) {
      after = undefined; // nothing but other empty values comes after an empty value
      equal = sql<SqlBool>`(${expression} is null)`;
    } else {
      after = nullable ? sql<SqlBool>`(${expression} is null or ${expression} ${beyond} ${value})` : sql<SqlBool>`(${expression} ${beyond} ${value})`;
      equal = sql<SqlBool>`(${expression} = ${value})`;
    }
    if (after) alternatives.push(equalSoFar.length ? sql<SqlBool>`(${sql.join([...equalSoFar, after], sql` and `)})` : after);
    equalSoFar.push(equal);
  });
  return alternatives.length ? sql<SqlBool>`(${sql.join(alternatives, sql` or `)})` : sql<SqlBool>`(1 = 0)`;
}
