// The filter builder's rows ⇄ the filter language, through core's own printer and parser.
import { parseFilter, printFilter } from '@rapport/core/filter-text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldDescription, ObjectDescription } from '../api/types';
import { fromFilter, operatorsFor, toFilter, type Condition, type ConditionGroup } from './filter-conditions';

const field = (name: string, type: string, extra: Partial<FieldDescription> = {}) => ({ name, label: name, type, ...extra }) as FieldDescription;

const people = {
  name: 'people',
  displayField: 'fullName',
  fields: [
    field('city', 'text'),
    field('email', 'email'),
    field('employees', 'number'),
    field('revenue', 'currency', { currency: 'EUR' }),
    field('birthday', 'date'),
    field('createdAt', 'datetime'),
    field('lifecycleStage', 'select', { choices: [{ value: 'lead', label: 'Lead' }, { value: 'customer', label: 'Customer' }] }),
    field('tags', 'multiSelect', { choices: [{ value: 'vip', label: 'VIP' }] }),
    field('hasEmailConsent', 'boolean'),
    field('companyId', 'relation', { relation: { name: 'company', target: 'companies', cardinality: 'one' } }),
  ],
} as unknown as ObjectDescription;

const row = (fieldName: string, op: Condition['op'], value = '', values: string[] = []): Condition => ({ field: fieldName, op, value, values });
const write = (group: ConditionGroup) => printFilter(toFilter(group, people));
const read = (text: string) => fromFilter(parseFilter(text), people);

describe('the filter builder writing the filter language', () => {
  it('writes rows joined by and, quoting text as the API reads it', () => {
    expect(write({ join: 'and', conditions: [row('lifecycleStage', '=', 'customer'), row('city', 'contains', 'Par')] }))
      .toBe('lifecycleStage = "customer" and city contains "Par"');
  });

  it('writes or, negations, emptiness, booleans and lists', () => {
    expect(write({ join: 'or', conditions: [row('email', 'isNotEmpty'), row('city', 'notContains', 'x'), row('hasEmailConsent', 'isFalse'),
      row('tags', 'in', '', ['vip']), row('birthday', 'isEmpty')] }))
      .toBe('not email isEmpty or not city contains "x" or hasEmailConsent = false or tags in ("vip") or birthday isEmpty');
  });

  it('writes numbers as numbers and currency in minor units', () => {
    expect(write({ join: 'and', conditions: [row('employees', '>=', '50'), row('revenue', '<', '1,250.5')] })).toBe('employees >= 50 and revenue < 125050');
  });

  it('sends a value that is not a number as typed, so that the API names the mistake', () => {
    expect(write({ join: 'and', conditions: [row('employees', '=', 'many')] })).toBe('employees = "many"');
  });
});

describe('the filter builder reading the filter language back', () => {
  it('reads a flat and of conditions into rows', () => {
    expect(read('lifecycleStage = "customer" and city contains "Par" and not email isEmpty')).toEqual({
      join: 'and', conditions: [row('lifecycleStage', '=', 'customer'), row('city', 'contains', 'Par'), row('email', 'isNotEmpty')],
    });
  });

  it('reads one condition, an or, currency in major units and a datetime at midnight as its date', () => {
    expect(read('revenue >= 125050')).toEqual({ join: 'and', conditions: [row('revenue', '>=', '1250.5')] });
    expect(read('createdAt < "2026-01-01T00:00:00.000Z" or hasEmailConsent = true')).toEqual({
      join: 'or', conditions: [row('createdAt', '<', '2026-01-01'), row('hasEmailConsent', 'isTrue')],
    });
  });

  it('refuses whole what rows cannot hold: nesting, other negations, relation paths, unknown fields, operators and values of another type', () => {
    for (const text of [
      'city = "a" and (email isEmpty or employees > 2)',
      'city = "a" or employees > 2 and email isEmpty',
      'not city = "a"',
      'company.industry = "retail"',
      'nickname = "x"',
      'lifecycleStage > "lead"',
      'city in ("a", "b")',
      'employees = "many"',
      'createdAt < "2026-01-01T10:00:00Z"',
      'hasEmailConsent != true',
    ]) expect(read(text), text).toBeUndefined();
  });

  it('offers, for each field, only operators that read back as themselves', () => {
    for (const candidate of people.fields) {
      for (const { value: op } of operatorsFor(candidate)) {
        const sample = candidate.type === 'number' || candidate.type === 'currency' ? '12' : candidate.type.startsWith('date') ? '2026-03-31' : 'vip';
        const group: ConditionGroup = { join: 'and', conditions: [row(candidate.name, op, op === 'in' ? '' : sample, op === 'in' ? [sample] : [])] };
        const back = read(write(group));
        expect(back?.conditions[0].op, `${candidate.name} ${op}`).toBe(op);
      }
    }
  });

  it('round-trips any text value, quotes and backslashes included', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.constantFrom<Condition['op']>('=', '!=', 'contains', 'notContains', 'startsWith'), (value, op) => {
      const group: ConditionGroup = { join: 'and', conditions: [row('city', op, value), row('email', 'isEmpty')] };
      expect(read(write(group))).toEqual(group);
    }));
    expect(write({ join: 'and', conditions: [row('city', '=', 'Say "hi" \\ bye')] })).toBe('city = "Say \\"hi\\" \\\\ bye"');
  });
});
