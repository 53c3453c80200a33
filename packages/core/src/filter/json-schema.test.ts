import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_JSON_SCHEMA, orders, people, STANDARD_OBJECTS } from '@rapport/core';
import { arbitraryFilter } from '../../test/arbitrary-filter.js';

const objectOf = (name: string) => STANDARD_OBJECTS.find((object) => object.name === name);
const validators = [
  ['JSON Schema 2020-12', new Ajv2020({ strict: true }).compile(FILTER_JSON_SCHEMA)],
  ['draft-07 (Ajv default)', new Ajv({ strict: true }).compile(FILTER_JSON_SCHEMA)],
] as const;

describe.each(validators)('FILTER_JSON_SCHEMA under %s', (_, validate) => {
  it('accepts every generated filter', () => {
    for (const definition of [people, orders]) {
      fc.assert(fc.property(arbitraryFilter(definition, objectOf, { allowInvalid: true }), (expression) => {
        expect(validate(expression)).toBe(true);
      }), { numRuns: 200 });
    }
  });

  it('accepts a one-child and/or, which text cannot write but JSON may', () => {
    expect(validate({ and: [{ or: [{ field: 'email', op: 'isEmpty' }] }] })).toBe(true);
  });

  it('refuses malformed filters', () => {
    const malformed: unknown[] = [
      {}, [], null, 'email isEmpty', { and: [] }, { or: [] }, { not: [] },
      { and: [{ field: 'a', op: 'isEmpty' }], or: [{ field: 'a', op: 'isEmpty' }] },
      { field: 'a', op: 'in', value: [] }, { field: 'a', op: 'in', value: 'x' }, { field: 'a', op: 'in', value: [null] },
      { field: 'a', op: '=', value: null }, { field: 'a', op: '=', value: { b: 1 } }, { field: 'a', op: '=' },
      { field: 'a', op: 'like', value: 'x' }, { field: 'a', op: 'isEmpty', value: true }, { field: '', op: 'isEmpty' },
      { field: 'a', op: '=', value: 1, extra: true }, { field: 1, op: 'isEmpty' }, { not: { field: 'a', op: '=', value: [1] } },
    ];
    for (const value of malformed) expect([value, validate(value)]).toEqual([value, false]);
  });
});
