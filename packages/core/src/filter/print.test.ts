import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterError, parseFilter, printFilter, type FilterExpression, type Literal } from '@rapport/core';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'startsWith', 'isEmpty', 'true', 'false']);
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/).filter((name) => !KEYWORDS.has(name));
const path = fc.oneof(identifier, fc.tuple(identifier, identifier).map(([a, b]) => `${a}.${b}`));
const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', "'", '\\', '\n', '\u0000', '\u2028', 'é', '😀', '\uD800x\uDFFF'),
  fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
  fc.boolean(),
);
const leaf: fc.Arbitrary<FilterExpression> = fc.oneof(
  fc.record({ field: path, op: fc.constantFrom('=', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith' as const), value: literal }),
  fc.record({ field: path, op: fc.constant('in' as const), value: fc.array(literal, { minLength: 1, maxLength: 4 }) }),
  fc.record({ field: path, op: fc.constant('isEmpty' as const) }),
);

/** Expressions in normal form (and/or of two or more), or any shape the JSON form allows. */
function expressions(minChildren: number): fc.Arbitrary<FilterExpression> {
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('and'), tie('or'), tie('not')),
    and: fc.array(tie('node'), { minLength: minChildren, maxLength: 4 }).map((and) => ({ and })),
    or: fc.array(tie('node'), { minLength: minChildren, maxLength: 4 }).map((or) => ({ or })),
    not: tie('node').map((not) => ({ not })),
  })).node as fc.Arbitrary<FilterExpression>;
}

/** Prints with random layout: any whitespace, redundant parentheses, single quotes. */
function printSloppily(expression: FilterExpression, choices: number[]): string {
  let next = 0;
  const pick = (n: number) => choices[next++ % choices.length] % n;
  const space = () => [' ', '  ', '\n', '\t', ' \r\n '][pick(5)];
  const around = () => (pick(2) === 0 ? '' : space());
  const quote = (text: string) => (pick(2) === 0 ? JSON.stringify(text)
    : `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`);
  const value = (v: Literal) => (typeof v === 'string' ? quote(v) : JSON.stringify(v));
  const print = (node: FilterExpression): string => {
    let text: string;
    if ('and' in node || 'or' in node) {
      const items = 'and' in node ? node.and : node.or;
      text = items.map((item) => `(${around()}${print(item)}${around()})`).join(`${space()}${'and' in node ? 'and' : 'or'}${space()}`);
    } else if ('not' in node) text = `not${space()}(${print(node.not)})`;
    else if (node.op === 'isEmpty') text = `${node.field}${space()}isEmpty`;
    else if (node.op === 'in') text = `${node.field}${space()}in${around()}(${around()}${node.value.map(value).join(`${around()},${around()}`)}${around()})`;
    else text = `${node.field}${space()}${node.op}${space()}${value(node.value)}`;
    return pick(3) === 0 ? `(${around()}${text}${around()})` : text;
  };
  return print(expression);
}

describe('printFilter', () => {
  it('prints canonical text with parentheses only where needed', () => {
    const a = { field: 'a', op: '=', value: 1 } as const;
    const b = { field: 'b', op: 'contains', value: 'x"y' } as const;
    const c: FilterExpression = { field: 'company.industry', op: 'in', value: ['retail', 2, false] };
    expect(printFilter({ and: [a, b, c] })).toBe('a = 1 and b contains "x\\"y" and company.industry in ("retail", 2, false)');
    expect(printFilter({ or: [a, { and: [b, { not: a }] }] })).toBe('a = 1 or (b contains "x\\"y" and not a = 1)');
    expect(printFilter({ and: [{ and: [a, b] }, a] })).toBe('(a = 1 and b contains "x\\"y") and a = 1');
    expect(printFilter({ not: { or: [a, b] } })).toBe('not (a = 1 or b contains "x\\"y")');
    expect(printFilter({ not: { not: { field: 'email', op: 'isEmpty' } } })).toBe('not not email isEmpty');
  });

  it('prints a single-child and/or as its child', () => {
    const a = { field: 'a', op: '>=', value: -2.5 } as const;
    expect(printFilter({ and: [{ or: [a] }] })).toBe('a >= -2.5');
    expect(printFilter({ or: [{ and: [{ and: [a, a] }] }, a] })).toBe('(a >= -2.5 and a >= -2.5) or a >= -2.5');
    expect(printFilter({ not: { and: [a] } })).toBe('not a >= -2.5');
  });

  it('refuses what text cannot say: an empty and, a path that is not a name, a non-finite number', () => {
    expect(() => printFilter({ and: [] })).toThrow(FilterError);
    expect(() => printFilter({ field: 'a.b.c', op: 'isEmpty' })).toThrow(FilterError);
    expect(() => printFilter({ field: 'in', op: 'isEmpty' })).toThrow(FilterError);
    expect(() => printFilter({ field: 'first name', op: 'isEmpty' })).toThrow(FilterError);
    expect(() => printFilter({ field: 'a', op: '=', value: Number.POSITIVE_INFINITY })).toThrow(FilterError);
  });

  it('round-trips every expression in normal form through text', () => {
    fc.assert(fc.property(expressions(2), (expression) => {
      expect(parseFilter(printFilter(expression))).toEqual(expression);
    }), { numRuns: 500 });
  });

  it('reaches a fixed point from any layout in one print', () => {
    fc.assert(fc.property(expressions(1), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (expression, choices) => {
      const canonical = printFilter(parseFilter(printSloppily(expression, choices)));
      expect(printFilter(parseFilter(canonical))).toBe(canonical);
    }), { numRuns: 500 });
  });
});
