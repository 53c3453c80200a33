// The in-memory meaning of a bound filter. The SQL compiler must agree with it exactly: logic is
// two-valued, `!=` is the negation of `=`, an empty value satisfies only `isEmpty` and `!=`, list
// operators mean "some element", and a two-part path means "some related record".
import { isListField, type FieldDefinition } from '../fields/index.js';
import type { Literal } from './ast.js';
import type { BoundComparison, BoundFilter } from './bind.js';
import { compareText, foldAscii } from './text-order.js';

type RecordValues = Record<string, unknown>;

/** The live related records (or collection items) of `record` through `via`. */
export type RelatedRecords = (via: FieldDefinition, record: RecordValues) => RecordValues[];

/**
 * Tells whether a record (API shape: keys are field names, empty values null, lists arrays or
 * null, collections arrays of items) satisfies a bound filter.
 * @example evaluateFilter(bindFilter(parseFilter('city startsWith "par"'), people, objectOf), { city: 'Paris' }, () => []) // true
 */
export function evaluateFilter(bound: BoundFilter, record: RecordValues, related: RelatedRecords): boolean {
  switch (bound.kind) {
    case 'and': return bound.items.every((item) => evaluateFilter(item, record, related));
    case 'or': return bound.items.some((item) => evaluateFilter(item, record, related));
    case 'not': return !evaluateFilter(bound.item, record, related);
    case 'comparison':
      if (!bound.via) return holds(bound, record[bound.field.name]);
      return related(bound.via, record).some((other) => holds(bound, other[bound.field.name]));
  }
}

/** `value op literal` for the value of `comparison.field`. */
function holds(comparison: BoundComparison, value: unknown): boolean {
  const { field, op } = comparison;
  if (isListField(field)) {
    // Lists (and a collection, which only allows isEmpty) hold elements; null means none.
    const elements = Array.isArray(value) ? value : [];
    if (op === 'isEmpty') return elements.length === 0;
    if (op === '!=') return !elements.some((element) => scalarHolds('=', element, comparison.value));
    return elements.some((element) => scalarHolds(op, element, comparison.value));
  }
  if (op === 'isEmpty') return value === null || value === undefined || value === '';
  return scalarHolds(op, value, comparison.value);
}

function scalarHolds(op: BoundComparison['op'], value: unknown, literal: BoundComparison['value']): boolean {
  if (op === '!=') return !scalarHolds('=', value, literal);
  if (value === null || value === undefined) return false;
  switch (op) {
    case '=': return equals(value, literal as Literal);
    case 'in': return (literal as Literal[]).some((item) => equals(value, item));
    case '<': return order(value, literal as Literal, (sign) => sign < 0);
    case '<=': return order(value, literal as Literal, (sign) => sign <= 0);
    case '>': return order(value, literal as Literal, (sign) => sign > 0);
    case '>=': return order(value, literal as Literal, (sign) => sign >= 0);
    case 'contains': return foldAscii(String(value)).includes(foldAscii(String(literal)));
    case 'startsWith': return foldAscii(String(value)).startsWith(foldAscii(String(literal)));
    case 'isEmpty': return false; // handled by the caller: an element or a value that is present
  }
}

/** Same kind and same value: numbers numerically, text exactly (case-sensitive). */
function equals(value: unknown, literal: Literal): boolean {
  return value === literal;
}

/** Orders numbers numerically and text by code point; values of different kinds never compare. */
function order(value: unknown, literal: Literal, accept: (sign: number) => boolean): boolean {
  if (typeof value === 'number' && typeof literal === 'number') return accept(value - literal);
  if (typeof value === 'string' && typeof literal === 'string') return accept(compareText(value, literal));
  return false;
}
