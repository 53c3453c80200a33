// The filter builder's model: rows of (field, operator, value) joined by and/or, turned into the
// filter language's JSON form and back. Printing and reading the text are core's own
// (`printFilter`, `parseFilter`), so the builder writes exactly what a user could type, quoted as
// the API reads it; this file only maps rows to leaves. A filter that is not a flat and/or of
// leaves the builder can show is refused whole (`undefined`), never read in part.
import type { FilterExpression, FilterLeaf, Literal } from '@rapport/core/filter-text';
import type { FieldDescription, ObjectDescription } from '../api/types';
import { currencyOf, minorDigits } from '../fields/format';

/** What a row asks; `notContains` and `isNotEmpty` are written with `not` in front. */
export type ConditionOperator =
  | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'notContains' | 'startsWith'
  | 'in' | 'isEmpty' | 'isNotEmpty' | 'isTrue' | 'isFalse';

export interface Condition {
  field: string;
  op: ConditionOperator;
  /** The value as its input shows it (a draft, as field editors keep it); unused without a value. */
  value: string;
  /** The values of `in`. */
  values: string[];
}

export type Join = 'and' | 'or';

export interface ConditionGroup {
  join: Join;
  conditions: Condition[];
}

const TEXT_TYPES = new Set(['text', 'email', 'phone', 'url']);
const ORDERED_TYPES = new Set(['number', 'currency', 'rating']);
const DATE_TYPES = new Set(['date', 'datetime']);
const LIST_TYPES = new Set(['emailList', 'phoneList']);

/** The operators a row offers for a field, with their labels, in menu order. */
export function operatorsFor(field: FieldDescription): { value: ConditionOperator; label: string }[] {
  const empty = [{ value: 'isEmpty' as const, label: 'is empty' }, { value: 'isNotEmpty' as const, label: 'is not empty' }];
  if (TEXT_TYPES.has(field.type)) {
    return [{ value: '=', label: 'is' }, { value: '!=', label: 'is not' }, { value: 'contains', label: 'contains' },
      { value: 'notContains', label: 'does not contain' }, { value: 'startsWith', label: 'starts with' }, ...empty];
  }
  if (ORDERED_TYPES.has(field.type)) {
    return [{ value: '=', label: '=' }, { value: '!=', label: '≠' }, { value: '<', label: '<' }, { value: '<=', label: '≤' },
      { value: '>', label: '>' }, { value: '>=', label: '≥' }, ...empty];
  }
  if (DATE_TYPES.has(field.type)) {
    // A datetime compared with a date means midnight UTC of that day, so "on" is offered for dates only.
    const on = field.type === 'date' ? [{ value: '=' as const, label: 'is on' }] : [];
    return [...on, { value: '<', label: 'is before' }, { value: '>=', label: field.type === 'date' ? 'is on or after' : 'is after' }, ...empty];
  }
  switch (field.type) {
    case 'select':
    case 'currencyCode':
    case 'user':
      return [{ value: '=', label: 'is' }, { value: '!=', label: 'is not' }, ...(field.choices?.length ? [{ value: 'in' as const, label: 'is any of' }] : []), ...empty];
    case 'multiSelect':
      return [{ value: '=', label: 'has' }, { value: '!=', label: 'does not have' }, { value: 'in', label: 'has any of' }, ...empty];
    case 'relation':
      return field.relation?.cardinality === 'many'
        ? [{ value: '=', label: 'has' }, { value: '!=', label: 'does not have' }, ...empty]
        : [{ value: '=', label: 'is' }, { value: '!=', label: 'is not' }, ...empty];
    case 'boolean':
      return [{ value: 'isTrue', label: 'is yes' }, { value: 'isFalse', label: 'is no' }, ...empty];
    default:
      if (LIST_TYPES.has(field.type)) return [{ value: '=', label: 'has' }, { value: 'contains', label: 'has one containing' }, ...empty];
      return empty;
  }
}

/** The fields a builder row may pick: those with at least one operator the builder knows. */
export function filterableFields(definition: ObjectDescription): FieldDescription[] {
  return definition.fields.filter((field) => field.type !== 'collection' && field.type !== 'id');
}

export function takesValue(op: ConditionOperator): boolean {
  return !['isEmpty', 'isNotEmpty', 'isTrue', 'isFalse'].includes(op);
}

/** A new row on a field, with its first operator. */
export function newCondition(field: FieldDescription): Condition {
  return { field: field.name, op: operatorsFor(field)[0].value, value: '', values: [] };
}

/** Why a row cannot be written yet (a missing value), or undefined when it can. */
export function missingValue(condition: Condition): string | undefined {
  if (condition.op === 'in') return condition.values.length === 0 ? 'Choose at least one value' : undefined;
  return takesValue(condition.op) && condition.value.trim() === '' ? 'Enter a value' : undefined;
}

/**
 * The JSON form of the rows: one row is its leaf, more are one and/or node.
 * @example toFilter({ join: 'and', conditions: [{ field: 'city', op: 'contains', value: 'Par', values: [] }] }, people) // { field: 'city', op: 'contains', value: 'Par' }
 */
export function toFilter(group: ConditionGroup, definition: ObjectDescription): FilterExpression {
  const items = group.conditions.map((condition) => toExpression(condition, fieldOf(definition, condition.field)));
  return items.length === 1 ? items[0] : group.join === 'and' ? { and: items } : { or: items };
}

function toExpression(condition: Condition, field: FieldDescription): FilterExpression {
  const { field: path } = condition;
  switch (condition.op) {
    case 'isEmpty': return { field: path, op: 'isEmpty' };
    case 'isNotEmpty': return { not: { field: path, op: 'isEmpty' } };
    case 'isTrue': return { field: path, op: '=', value: true };
    case 'isFalse': return { field: path, op: '=', value: false };
    case 'notContains': return { not: { field: path, op: 'contains', value: toLiteral(field, condition.value) } };
    case 'in': return { field: path, op: 'in', value: condition.values.map((value) => toLiteral(field, value)) };
    default: return { field: path, op: condition.op, value: toLiteral(field, condition.value) };
  }
}

/** A draft as a literal; what does not read as the field's type is sent as typed, for the API to name. */
function toLiteral(field: FieldDescription, draft: string): Literal {
  const text = draft.trim();
  switch (field.type) {
    case 'number':
    case 'rating':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'currency': {
      // Typed in major units, compared in minor units (cents), as a currency field's editor saves it.
      const amount = Number(text.replace(/[\s,]/g, ''));
      return text !== '' && Number.isFinite(amount) ? Math.round(amount * 10 ** minorDigits(currencyOf(field, {}))) : text;
    }
    // Names keep their spaces: `= " Ann"` is not `= "Ann"`.
    case 'text':
      return draft;
    default:
      return text;
  }
}

/**
 * The rows of a filter, or undefined when it is not a flat and/or of conditions the builder shows
 * (nesting, `not` other than "is not empty" / "does not contain", a path through a relation, an
 * operator or value a row cannot hold).
 * @example fromFilter(parseFilter('city contains "Par" and not email isEmpty'), people)?.conditions.length // 2
 */
export function fromFilter(expression: FilterExpression, definition: ObjectDescription): ConditionGroup | undefined {
  const join: Join = 'or' in expression ? 'or' : 'and';
  const items = 'and' in expression ? expression.and : 'or' in expression ? expression.or : [expression];
  const conditions: Condition[] = [];
  for (const item of items) {
    const condition = fromExpression(item, definition);
    if (!condition) return undefined;
    conditions.push(condition);
  }
  return conditions.length > 0 ? { join, conditions } : undefined;
}

function fromExpression(expression: FilterExpression, definition: ObjectDescription): Condition | undefined {
  if ('and' in expression || 'or' in expression) return undefined;
  if ('not' in expression) {
    const inner = expression.not;
    if ('field' in inner && inner.op === 'isEmpty') return fromLeaf({ ...inner }, definition, 'isNotEmpty');
    if ('field' in inner && inner.op === 'contains') return fromLeaf(inner, definition, 'notContains');
    return undefined;
  }
  return fromLeaf(expression, definition);
}

function fromLeaf(leaf: FilterLeaf, definition: ObjectDescription, negated?: 'isNotEmpty' | 'notContains'): Condition | undefined {
  const field = definition.fields.find((candidate) => candidate.name === leaf.field);
  if (!field) return undefined;
  const op = negated ?? builderOperator(leaf, field);
  if (!op || !operatorsFor(field).some((offered) => offered.value === op)) return undefined;
  if (leaf.op === 'isEmpty' || op === 'isTrue' || op === 'isFalse') return { field: field.name, op, value: '', values: [] };
  if (leaf.op === 'in') {
    const values = leaf.value.map((value) => toDraft(field, value));
    return values.every((value) => value !== undefined) ? { field: field.name, op, value: '', values: values as string[] } : undefined;
  }
  const value = toDraft(field, leaf.value);
  return value === undefined ? undefined : { field: field.name, op, value, values: [] };
}

function builderOperator(leaf: FilterLeaf, field: FieldDescription): ConditionOperator | undefined {
  if (field.type === 'boolean') {
    if (leaf.op !== '=') return leaf.op === 'isEmpty' ? 'isEmpty' : undefined;
    return leaf.value === true ? 'isTrue' : leaf.value === false ? 'isFalse' : undefined;
  }
  return leaf.op;
}

/** A literal as the row's input shows it; undefined when the input could not show it faithfully. */
function toDraft(field: FieldDescription, literal: Literal): string | undefined {
  switch (field.type) {
    case 'number':
    case 'rating':
      return typeof literal === 'number' ? String(literal) : undefined;
    case 'currency':
      return typeof literal === 'number' && Number.isInteger(literal) ? String(literal / 10 ** minorDigits(currencyOf(field, {}))) : undefined;
    case 'date':
    case 'datetime':
      // The row's input is a date; an instant that is not midnight UTC has no date to show.
      return typeof literal === 'string' ? /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0+)?)?Z)?$/.exec(literal)?.[1] : undefined;
    default:
      return typeof literal === 'string' ? literal : undefined;
  }
}

function fieldOf(definition: ObjectDescription, name: string): FieldDescription {
  const field = definition.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`${definition.name} has no field ${name}`);
  return field;
}
