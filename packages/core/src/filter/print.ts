// JSON form → canonical text: double-quoted strings, single spaces, parentheses only where an
// and/or sits inside another and/or or under `not`.
import type { FilterExpression, Literal } from './ast.js';
import { FilterError } from './errors.js';
import { isWritablePath } from './parse.js';

/**
 * Prints a filter as canonical text; `parseFilter(printFilter(e))` gives `e` back for every `e`
 * whose and/or nodes have two or more children.
 * @example printFilter({ and: [{ field: 'city', op: '=', value: 'Paris' }, { not: { field: 'email', op: 'isEmpty' } }] }) // 'city = "Paris" and not email isEmpty'
 */
export function printFilter(expression: FilterExpression): string {
  const node = unwrap(expression);
  if ('and' in node) return node.and.map(printOperand).join(' and ');
  if ('or' in node) return node.or.map(printOperand).join(' or ');
  if ('not' in node) return `not ${printOperand(node.not)}`;
  const field = printPath(node.field);
  switch (node.op) {
    case 'isEmpty': return `${field} isEmpty`;
    case 'in': return `${field} in (${node.value.map((value) => printLiteral(value, field)).join(', ')})`;
    default: return `${field} ${node.op} ${printLiteral(node.value, field)}`;
  }
}

/** An and/or of one child is that child; an empty one has no text. */
function unwrap(expression: FilterExpression): FilterExpression {
  let node = expression;
  for (;;) {
    const items = 'and' in node ? node.and : 'or' in node ? node.or : undefined;
    if (!items) return node;
    if (items.length === 0) throw new FilterError('', `an empty ${'and' in node ? 'and' : 'or'} cannot be written as text`);
    if (items.length > 1) return node;
    node = items[0];
  }
}

/** A child of and/or/not: parenthesised when it is itself an and/or. */
function printOperand(expression: FilterExpression): string {
  const node = unwrap(expression);
  const text = printFilter(node);
  return 'and' in node || 'or' in node ? `(${text})` : text;
}

function printPath(path: string): string {
  if (!isWritablePath(path)) throw new FilterError(path, `the field path ${JSON.stringify(path)} cannot be written as text`);
  return path;
}

function printLiteral(value: Literal, field: string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new FilterError(field, `the number ${value} cannot be written as text`);
  return JSON.stringify(value);
}
