import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindFilter, companies, FilterError, interactions, orders, parseFilter, people, STANDARD_OBJECTS,
  type BoundComparison, type ObjectDefinition,
} from '@rapport/core';
import { arbitraryFilter } from '../../test/arbitrary-filter.js';

const objectOf = (name: string) => STANDARD_OBJECTS.find((object) => object.name === name);
const bind = (text: string, definition: ObjectDefinition = people) => bindFilter(parseFilter(text), definition, objectOf);
const ID = '0190F5A2-7C3E-7A10-8000-00000000000A';

function filterError(text: string, definition: ObjectDefinition = people): FilterError {
  try {
    bind(text, definition);
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error(`bound without error: ${text}`);
}

describe('bindFilter', () => {
  it('binds a field of the object with its normalised literal', () => {
    const bound = bind('createdAt >= "2024-01-01"') as BoundComparison;
    expect(bound).toEqual({ kind: 'comparison', path: 'createdAt', field: people.fields.find((f) => f.name === 'createdAt'), op: '>=', value: '2024-01-01T00:00:00.000Z' });
    expect(bound).not.toHaveProperty('via');
    expect((bind('createdAt < "2024-06-15T14:30:00+02:00"') as BoundComparison).value).toBe('2024-06-15T12:30:00.000Z');
    expect((bind(`companyIds = "${ID}"`) as BoundComparison).value).toBe(ID.toLowerCase());
    expect((bind(`tagIds in ("${ID}")`) as BoundComparison).value).toEqual([ID.toLowerCase()]);
    expect(bind('email isEmpty')).not.toHaveProperty('value');
  });

  it('binds and, or and not around the comparisons', () => {
    const bound = bind('not (city = "Paris" or city = "Lyon") and hasEmailConsent = true');
    expect(bound).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'not', item: { kind: 'or', items: [{ path: 'city', value: 'Paris' }, { path: 'city', value: 'Lyon' }] } },
        { kind: 'comparison', path: 'hasEmailConsent', op: '=', value: true },
      ],
    });
  });

  it('follows a to-one or to-many relation by its relation name to a field of the target', () => {
    const industry = bind('company.industry in ("retail", "media")') as BoundComparison;
    expect(industry.via?.name).toBe('companyId');
    expect(industry.target).toBe(companies);
    expect(industry.field.name).toBe('industry');
    expect(industry.value).toEqual(['retail', 'media']);
    const many = bind('companies.employees > 10') as BoundComparison;
    expect(many.via?.name).toBe('companyIds');
    expect(bind('tags.name = "vip"')).toMatchObject({ via: { name: 'tagIds' }, target: { name: 'tags' } });
  });

  it('follows a collection to a field of its items', () => {
    const line = bind(`lines.productId = "${ID}"`, orders) as BoundComparison;
    expect(line.via?.name).toBe('lines');
    expect(line.target).toBeUndefined();
    expect(line.value).toBe(ID.toLowerCase());
    expect(bind('participants.role = "cc"', interactions)).toMatchObject({ via: { name: 'participants' }, field: { name: 'role' } });
    expect(bind('lines isEmpty', orders)).toMatchObject({ field: { name: 'lines' }, op: 'isEmpty' });
  });

  it('refuses an unknown field, naming it', () => {
    expect(filterError('nickname = "Bo"')).toMatchObject({ field: 'nickname', message: 'unknown field nickname on people' });
    expect(filterError('company.nickname = "Bo"')).toMatchObject({ field: 'company.nickname', message: 'unknown field nickname on companies' });
    expect(filterError('lines.colour = "red"', orders)).toMatchObject({ field: 'lines.colour', message: 'unknown field colour on orders.lines' });
  });

  it('refuses an unknown relation, and says which name to use for a relation field', () => {
    expect(filterError('employer.name = "Acme"')).toMatchObject({ field: 'employer.name', message: 'employer is not a relation or collection of people' });
    expect(filterError('companyId.name = "Acme"').message).toContain('write company.');
    expect(filterError('city.name = "Paris"').field).toBe('city.name');
    expect(bindError({ field: 'company.owner.name', op: 'isEmpty' }).field).toBe('company.owner.name');
    const orphan = { ...people, fields: [...people.fields, { name: 'planetId', label: 'Planet', type: 'relation' as const, relation: { name: 'planet', target: 'planets', cardinality: 'one' as const } }] };
    expect(filterError('planet.name = "Mars"', orphan).message).toContain('planets');
  });

  it('refuses an operator the field type does not have, listing the allowed ones', () => {
    expect(filterError('lifecycleStage > "lead"')).toMatchObject({
      field: 'lifecycleStage', message: 'operator > does not apply to lifecycleStage (select); use one of =, !=, in, isEmpty',
    });
    expect(filterError('hasEmailConsent contains "t"').field).toBe('hasEmailConsent');
    expect(filterError('tagIds < "x"').message).toContain('relation to many');
    expect(filterError('lines = 1', orders).field).toBe('lines');
    expect(filterError('company.industry startsWith "re"').field).toBe('company.industry');
  });

  it('refuses a literal the field cannot take, naming the field', () => {
    expect(filterError('lifecycleStage = "vip"')).toMatchObject({ field: 'lifecycleStage', message: expect.stringContaining('expects one of') });
    expect(filterError('lifecycleStage in ("lead", "vip")').field).toBe('lifecycleStage');
    expect(filterError('companies.employees = "ten"')).toMatchObject({ field: 'companies.employees', message: expect.stringContaining('a number') });
    expect(filterError('birthday < "2024-02-30"')).toMatchObject({ field: 'birthday', message: expect.stringContaining('calendar date') });
    expect(filterError('createdAt > "yesterday"').field).toBe('createdAt');
    expect(filterError('hasEmailConsent = "yes"').field).toBe('hasEmailConsent');
    expect(filterError('city = 3').field).toBe('city');
    expect(filterError('companyIds = "acme"').field).toBe('companyIds');
    expect(filterError('lines.unitPrice = 1.5', orders).field).toBe('lines.unitPrice');
  });

  it('throws nothing but FilterError for any generated filter, valid or not', () => {
    const outcomes = { bound: 0, refused: 0 };
    fc.assert(fc.property(arbitraryFilter(people, objectOf, { allowInvalid: true }), (expression) => {
      try {
        bindFilter(expression, people, objectOf);
        outcomes.bound++;
      } catch (error) {
        expect(error).toBeInstanceOf(FilterError);
        expect((error as FilterError).field).not.toBe('');
        outcomes.refused++;
      }
    }), { numRuns: 500 });
    expect(outcomes.bound).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(50);
  });

  it('binds every generated valid filter on every standard object', () => {
    for (const definition of STANDARD_OBJECTS) {
      fc.assert(fc.property(arbitraryFilter(definition, objectOf), (expression) => {
        bindFilter(expression, definition, objectOf);
      }), { numRuns: 50 });
    }
  });
});

function bindError(expression: Parameters<typeof bindFilter>[0]): FilterError {
  try {
    bindFilter(expression, people, objectOf);
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error('bound without error');
}
