import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter, type FilterExpression, type Literal } from '@rapport/core';

const eq = (field: string, value: Literal): FilterExpression => ({ field, op: '=', value });

function syntaxError(text: string): FilterSyntaxError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe('parseFilter', () => {
  it('parses every comparison operator', () => {
    for (const op of ['=', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith'] as const) {
      expect(parseFilter(`name ${op} "x"`)).toEqual({ field: 'name', op, value: 'x' });
    }
    expect(parseFilter('a<=1')).toEqual({ field: 'a', op: '<=', value: 1 });
    expect(parseFilter('stage in ("lead", \'customer\', 3, true)')).toEqual({ field: 'stage', op: 'in', value: ['lead', 'customer', 3, true] });
    expect(parseFilter('stage in(1)')).toEqual({ field: 'stage', op: 'in', value: [1] });
    expect(parseFilter('email isEmpty')).toEqual({ field: 'email', op: 'isEmpty' });
    expect(parseFilter('x = true or y != false')).toEqual({ or: [eq('x', true), { field: 'y', op: '!=', value: false }] });
  });

  it('binds not tighter than and, and and tighter than or', () => {
    expect(parseFilter('a = 1 or b = 2 and c = 3')).toEqual({ or: [eq('a', 1), { and: [eq('b', 2), eq('c', 3)] }] });
    expect(parseFilter('a = 1 and b = 2 or c = 3')).toEqual({ or: [{ and: [eq('a', 1), eq('b', 2)] }, eq('c', 3)] });
    expect(parseFilter('not a = 1 and b = 2')).toEqual({ and: [{ not: eq('a', 1) }, eq('b', 2)] });
    expect(parseFilter('not not a = 1')).toEqual({ not: { not: eq('a', 1) } });
  });

  it('makes one n-ary node of a chain and a separate node of each parenthesised group', () => {
    expect(parseFilter('a = 1 and b = 2 and c = 3')).toEqual({ and: [eq('a', 1), eq('b', 2), eq('c', 3)] });
    expect(parseFilter('(a = 1 and b = 2) and c = 3')).toEqual({ and: [{ and: [eq('a', 1), eq('b', 2)] }, eq('c', 3)] });
    expect(parseFilter('a = 1 or (b = 2 or c = 3)')).toEqual({ or: [eq('a', 1), { or: [eq('b', 2), eq('c', 3)] }] });
    expect(parseFilter('not (a = 1 or b = 2)')).toEqual({ not: { or: [eq('a', 1), eq('b', 2)] } });
    expect(parseFilter('((a = 1))')).toEqual(eq('a', 1));
  });

  it('accepts spaces, tabs and newlines between tokens and needs none around symbols', () => {
    expect(parseFilter('\n\t( a=1\r\n  and\tb>2 )  ')).toEqual({ and: [eq('a', 1), { field: 'b', op: '>', value: 2 }] });
    expect(parseFilter('not(a=1)')).toEqual({ not: eq('a', 1) });
  });

  it('reads a name that starts with a keyword as a name', () => {
    expect(parseFilter('notes = 1 and order = 2 or android isEmpty')).toEqual({
      or: [{ and: [eq('notes', 1), eq('order', 2)] }, { field: 'android', op: 'isEmpty' }],
    });
  });

  it('decodes JSON escapes in double- and single-quoted strings', () => {
    expect(parseFilter(String.raw`a = "q\" s\' b\\ n\n t\t r\r sl\/ bs\b ff\f u\u00e9\u00C9"`)).toEqual(eq('a', 'q" s\' b\\ n\n t\t r\r sl/ bs\b ff\f uéÉ'));
    expect(parseFilter(String.raw`a = 'it\'s "fine"'`)).toEqual(eq('a', 'it\'s "fine"'));
    expect(parseFilter('a = "it\'s"')).toEqual(eq('a', "it's"));
    expect(parseFilter('a = "Zoë 😀"')).toEqual(eq('a', 'Zoë 😀'));
    expect(parseFilter('a = ""')).toEqual(eq('a', ''));
  });

  it('reads numbers in JSON syntax and turns -0 into 0', () => {
    expect(parseFilter('a = -12.5e-1')).toEqual(eq('a', -1.25));
    expect(parseFilter('a = 1E3')).toEqual(eq('a', 1000));
    expect(parseFilter('a = 0.5')).toEqual(eq('a', 0.5));
    const zero = parseFilter('a = -0') as { value: number };
    expect(Object.is(zero.value, 0)).toBe(true);
    expect(Object.is((parseFilter('a = -0.0e4') as { value: number }).value, 0)).toBe(true);
  });

  it('reads relation and collection paths of two parts', () => {
    expect(parseFilter('company.industry = "retail"')).toEqual(eq('company.industry', 'retail'));
    expect(parseFilter('lines.quantity >= 2')).toEqual({ field: 'lines.quantity', op: '>=', value: 2 });
    expect(parseFilter('_x.y_1 isEmpty')).toEqual({ field: '_x.y_1', op: 'isEmpty' });
  });

  it('names line and column of a syntax error', () => {
    const error = syntaxError('lifecycleStage = "lead" and =');
    expect(error).toMatchObject({ offset: 28, line: 1, column: 29 });
    expect(error.message).toBe('Expected "(", "not" or a field name at line 1, column 29 but found "=".');
    expect(syntaxError('a = 1 and\n  b = 2 and\n  c ~ 3')).toMatchObject({ line: 3, column: 5 });
  });

  it('refuses an unterminated string where it starts', () => {
    const error = syntaxError('city = "Paris" and country = "FR');
    expect(error.message).toBe('Unterminated string at line 1, column 30.');
    expect(syntaxError("city = 'Paris")).toMatchObject({ column: 8, message: 'Unterminated string at line 1, column 8.' });
    expect(syntaxError('city = "a\\')).toMatchObject({ message: expect.stringContaining('Unterminated string') });
  });

  it('refuses a missing operand, an empty in list and an unknown operator', () => {
    expect(syntaxError('a =').message).toBe('Expected "false", "true", a number or a string at line 1, column 4 but found end of input.');
    expect(syntaxError('a in ()').message).toBe('Expected "false", "true", a number or a string at line 1, column 7 but found ")".');
    expect(syntaxError('a = 1 and').column).toBe(10);
    expect(syntaxError('a == 1').column).toBe(4);
    expect(syntaxError('a = 1 and (b = 2').message).toBe('Expected ")", "and" or "or" at line 1, column 17 but found end of input.');
    expect(syntaxError('a like "x"').message).toContain('"contains"');
  });

  it('refuses a path of three parts', () => {
    expect(syntaxError('x = 1 or company.owner.name = "Ann"')).toMatchObject({
      column: 10, message: 'A field path has at most two parts (relation.field), "company.owner.name" has 3 at line 1, column 10.',
    });
  });

  it('refuses trailing garbage, keywords in other cases, null and bad escapes', () => {
    expect(syntaxError('a = 1 b = 2').message).toBe('Expected "and", "or" or end of input at line 1, column 7 but found "b".');
    expect(syntaxError('a = 1 )').column).toBe(7);
    expect(syntaxError('a = 1 AND b = 2').column).toBe(7);
    expect(syntaxError('a = 1 andb = 2').column).toBe(7);
    expect(syntaxError('a = null').column).toBe(5);
    expect(syntaxError('a = TRUE').column).toBe(5);
    expect(syntaxError('and = 1').column).toBe(1);
    expect(syntaxError('a = "\\x"').message).toBe('Invalid escape "\\x" in a string at line 1, column 6.');
    expect(syntaxError('a = "\\u12"').column).toBe(6);
    expect(syntaxError('a = "x\ny"')).toMatchObject({ line: 1, column: 7 });
    expect(syntaxError('a = 1e999').message).toBe('The number 1e999 is too large at line 1, column 5.');
    expect(syntaxError('a = +1').column).toBe(5);
    expect(syntaxError('a = .5').column).toBe(5);
  });

  it('refuses empty and blank text', () => {
    expect(syntaxError('').message).toBe('Expected "(", "not" or a field name at line 1, column 1 but found end of input.');
    expect(syntaxError(' \n\t ')).toMatchObject({ line: 2, column: 3 });
  });

  it('throws errors that are Errors', () => {
    const error = syntaxError('(');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FilterSyntaxError');
  });
});
