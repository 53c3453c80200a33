// Compiles a bound filter (core's filter language) to a Kysely boolean expression over the
// record aliased `t`. It mirrors core's in-memory evaluator exactly (the property test checks
// it): two-valued logic (every predicate is true or false, never NULL), `!=` as the negation of
// `=`, list operators as "some element", and relation paths as EXISTS over live related records.
import { isListField, type BoundComparison, type BoundFilter, type FieldDefinition, type ObjectDefinition } from '@rapport/core';
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { escapeLike, type Dialect, type StorageKind } from '../db/dialects/dialect.js';
import { fieldExpression, ROOT } from './codec.js';
import { storageKindOf, storageOf, type FieldStorage } from './storage.js';

// Note: Kysely parenthesises a query builder embedded in `sql`, so `exists ${query}` is complete.
type Predicate = RawBuilder<SqlBool>;

interface Scope {
  db: Kysely<any>;
  dialect: Dialect;
  /** Counter for unique aliases of nested subqueries. */
  next: number;
}

const TRUE = sql<SqlBool>`(1 = 1)`;
const FALSE = sql<SqlBool>`(1 = 0)`;

/**
 * The SQL condition of `filter` on records of `definition` aliased `t`.
 * @example query.where(compileFilter(db, dialect, people, bindFilter(parseFilter('email isEmpty'), people, objectOf)))
 */
export function compileFilter(db: Kysely<any>, dialect: Dialect, definition: ObjectDefinition, filter: BoundFilter): Expression<SqlBool> {
  return compileNode({ db, dialect, next: 0 }, definition, ROOT, filter);
}

function alias(scope: Scope, prefix: string): string {
  return `${prefix}${++scope.next}`;
}

function compileNode(scope: Scope, definition: ObjectDefinition, on: string, node: BoundFilter): Predicate {
  switch (node.kind) {
    case 'and':
    case 'or': {
      if (node.items.length === 0) return node.kind === 'and' ? TRUE : FALSE;
      const parts = node.items.map((item) => compileNode(scope, definition, on, item));
      return sql<SqlBool>`(${sql.join(parts, node.kind === 'and' ? sql` and ` : sql` or `)})`;
    }
    case 'not': return sql<SqlBool>`(not ${compileNode(scope, definition, on, node.item)})`;
    case 'comparison': return node.via ? compilePath(scope, definition, on, node) : compileField(scope, definition, on, node.field, node);
  }
}

/** `rel.f op v`: some live related record (or collection item) satisfies `f op v`. */
function compilePath(scope: Scope, definition: ObjectDefinition, on: string, node: BoundComparison): Predicate {
  const via = node.via!;
  const place = storageOf(definition).fields.get(via.name)!;
  const r = alias(scope, 'r');
  if (place.kind === 'children') {
    const { table, parentColumn } = place.collection;
    const item = place.items.get(node.field.name)!;
    const condition = scalarCondition(scope, node.field, sql.ref(`${r}.${item.column}`), node);
    const sub = scope.db.selectFrom(`${table} as ${r}`).select(sql.lit(1).as('one')).whereRef(`${r}.${parentColumn}`, '=', `${on}.id`).where(condition);
    return sql<SqlBool>`exists ${sub}`;
  }
  const target = node.target!;
  const targetStorage = storageOf(target);
  let sub = scope.db.selectFrom(`${targetStorage.table} as ${r}`).where(`${r}.deleted_at`, 'is', null);
  if (targetStorage.discriminator) sub = sub.where(`${r}.object`, '=', targetStorage.discriminator);
  sub = sub.where(compileField(scope, target, r, node.field, node));
  if (place.kind !== 'join' && !isListField(via)) {
    // One related record by key (`company.industry`): the related ids that satisfy the condition
    // are one uncorrelated subquery, evaluated once per statement instead of once per row. The
    // null check keeps the predicate two-valued (a record without the link is false, and true
    // under `not`), as EXISTS is.
    const key = fieldExpression(scope.dialect, definition, via, on);
    return sql<SqlBool>`(${key} is not null and ${key} in ${sub.select(`${r}.id`)})`;
  }
  return sql<SqlBool>`exists ${sub.select(sql.lit(1).as('one')).where(linkCondition(scope, definition, on, via, place, r))}`;
}

/** The condition tying related record `r` to the record aliased `on` through field `via`. */
function linkCondition(scope: Scope, definition: ObjectDefinition, on: string, via: FieldDefinition, place: FieldStorage, r: string): Predicate {
  if (place.kind === 'join') {
    const { table, sourceColumn, targetColumn, objectColumn } = place.through;
    const j = alias(scope, 'j');
    let link = scope.db.selectFrom(`${table} as ${j}`).select(sql.lit(1).as('one'))
      .whereRef(`${j}.${sourceColumn}`, '=', `${on}.id`).whereRef(`${j}.${targetColumn}`, '=', `${r}.id`);
    if (objectColumn) link = link.where(`${j}.${objectColumn}`, '=', place.object);
    return sql<SqlBool>`exists ${link}`;
  }
  if (isListField(via)) {
    const l = sql.id(alias(scope, 'l'));
    const ids = scope.dialect.jsonElements(fieldExpression(scope.dialect, definition, via, on), 'text');
    return sql<SqlBool>`${sql.ref(`${r}.id`)} in (select ${l}.value from ${ids} as ${l})`;
  }
  return sql<SqlBool>`${sql.ref(`${r}.id`)} = ${fieldExpression(scope.dialect, definition, via, on)}`;
}

/** `f op v` on a field of the record aliased `on`: scalar, JSON list, join table or collection. */
function compileField(scope: Scope, definition: ObjectDefinition, on: string, field: FieldDefinition, node: BoundComparison): Predicate {
  const place = storageOf(definition).fields.get(field.name)!;
  if (place.kind === 'children') {
    const { table, parentColumn } = place.collection;
    const c = alias(scope, 'c');
    const items = scope.db.selectFrom(`${table} as ${c}`).select(sql.lit(1).as('one')).whereRef(`${c}.${parentColumn}`, '=', `${on}.id`);
    return sql<SqlBool>`(not exists ${items})`; // a collection itself only supports isEmpty
  }
  if (place.kind === 'join') {
    const { table, sourceColumn, targetColumn, objectColumn } = place.through;
    const j = alias(scope, 'j');
    let links = scope.db.selectFrom(`${table} as ${j}`).select(sql.lit(1).as('one')).whereRef(`${j}.${sourceColumn}`, '=', `${on}.id`);
    if (objectColumn) links = links.where(`${j}.${objectColumn}`, '=', place.object);
    if (node.op === 'isEmpty') return sql<SqlBool>`(not exists ${links})`;
    const some = sql<SqlBool>`exists ${links.where(elementCondition(scope, sql.ref(`${j}.${targetColumn}`), node))}`;
    return node.op === '!=' ? sql<SqlBool>`(not ${some})` : some;
  }
  if (isListField(field)) {
    const l = sql.id(alias(scope, 'l'));
    const elements = scope.dialect.jsonElements(fieldExpression(scope.dialect, definition, field, on), 'text');
    if (node.op === 'isEmpty') return sql<SqlBool>`(not exists (select 1 from ${elements} as ${l}))`;
    const some = sql<SqlBool>`exists (select 1 from ${elements} as ${l} where ${elementCondition(scope, sql`${l}.value`, node)})`;
    return node.op === '!=' ? sql<SqlBool>`(not ${some})` : some;
  }
  return scalarCondition(scope, field, fieldExpression(scope.dialect, definition, field, on), node);
}

/** A condition on one list element (elements are never NULL). `!=` is negated by the caller. */
function elementCondition(scope: Scope, element: Expression<unknown>, node: BoundComparison): Predicate {
  switch (node.op) {
    case '=':
    case '!=': return sql<SqlBool>`(${element} = ${node.value})`;
    case 'in': return sql<SqlBool>`(${element} in (${sql.join(node.value as unknown[])}))`;
    case 'contains': return scope.dialect.likeIgnoringAsciiCase(element, `%${escapeLike(String(node.value))}%`);
    case 'startsWith': return scope.dialect.likeIgnoringAsciiCase(element, `${escapeLike(String(node.value))}%`);
    default: throw new Error(`operator ${node.op} does not apply to list elements`);
  }
}

const COMPARATORS = { '<': sql`<`, '<=': sql`<=`, '>': sql`>`, '>=': sql`>=` } as const;

/** A condition on a scalar expression, NULL-safe: an empty value satisfies only isEmpty and !=. */
function scalarCondition(scope: Scope, field: FieldDefinition, value: Expression<unknown>, node: BoundComparison): Predicate {
  const kind: StorageKind = storageKindOf(field);
  const bind = (v: unknown) => scope.dialect.toDb(v, kind);
  switch (node.op) {
    case 'isEmpty': return kind === 'text' ? sql<SqlBool>`(${value} is null or ${value} = '')` : sql<SqlBool>`(${value} is null)`;
    case '=': return sql<SqlBool>`(${value} is not null and ${value} = ${bind(node.value)})`;
    case '!=': return sql<SqlBool>`(${value} is null or ${value} <> ${bind(node.value)})`;
    case 'in': return sql<SqlBool>`(${value} is not null and ${value} in (${sql.join((node.value as unknown[]).map(bind))}))`;
    case 'contains': return sql<SqlBool>`(${value} is not null and ${scope.dialect.likeIgnoringAsciiCase(value, `%${escapeLike(String(node.value))}%`)})`;
    case 'startsWith': return sql<SqlBool>`(${value} is not null and ${scope.dialect.likeIgnoringAsciiCase(value, `${escapeLike(String(node.value))}%`)})`;
    default: return sql<SqlBool>`(${value} is not null and ${value} ${COMPARATORS[node.op]} ${bind(node.value)})`;
  }
}
