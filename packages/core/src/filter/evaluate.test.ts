import { describe, expect, it } from 'vitest';
import { bindFilter, evaluateFilter, orders, parseFilter, people, STANDARD_OBJECTS, type FieldDefinition, type ObjectDefinition } from '@rapport/core';

type Values = Record<string, unknown>;
const objectOf = (name: string) => STANDARD_OBJECTS.find((object) => object.name === name);
const A = '0190f5a2-7c3e-7a10-8000-00000000000a';
const B = '0190f5a2-7c3e-7a10-8000-00000000000b';

/** Related records by the `via` field's name: what the server reads from live rows. */
function relatedBy(byVia: Record<string, Values[]>) {
  return (via: FieldDefinition) => byVia[via.name] ?? [];
}

/** Which of `records` satisfy `text` (by their index, for short assertions). */
function matching(text: string, records: Values[], definition: ObjectDefinition = people, byVia: Record<string, Values[]> = {}): number[] {
  const bound = bindFilter(parseFilter(text), definition, objectOf);
  return records.flatMap((record, index) => (evaluateFilter(bound, record, relatedBy(byVia)) ? [index] : []));
}

describe('evaluateFilter on scalars', () => {
  const cities: Values[] = [{ city: 'Paris' }, { city: 'paris' }, { city: null }, { city: 'Lyon' }, {}];

  it('compares text exactly with = and includes empty values in !=', () => {
    expect(matching('city = "Paris"', cities)).toEqual([0]);
    expect(matching('city != "Paris"', cities)).toEqual([1, 2, 3, 4]);
    expect(matching('city in ("Lyon", "paris")', cities)).toEqual([1, 3]);
  });

  it('orders text by code point and never matches an empty value', () => {
    expect(matching('city < "P"', cities)).toEqual([3]);
    expect(matching('city >= "Paris"', cities)).toEqual([0, 1]);
    expect(matching('city > "Paris"', cities)).toEqual([1]);
    expect(matching('city <= "Lyon"', cities)).toEqual([3]);
    // U+FF5E sorts after U+1F600 in UTF-16 but before it by code point.
    expect(matching('city < "😀"', [{ city: '\uFF5E' }, { city: '😀' }])).toEqual([0]);
  });

  it('folds ASCII case only in contains and startsWith', () => {
    expect(matching('city contains "AR"', cities)).toEqual([0, 1]);
    expect(matching('city startsWith "pA"', cities)).toEqual([0, 1]);
    expect(matching('city contains ""', cities)).toEqual([0, 1, 3]);
    const accents = [{ city: 'École' }, { city: 'école' }, { city: 'ÉCOLE' }];
    expect(matching('city startsWith "éco"', accents)).toEqual([1]);
    expect(matching('city contains "COLE"', accents)).toEqual([0, 1, 2]);
    expect(matching('city contains "%"', [{ city: '100%' }, { city: '100' }])).toEqual([0]);
    expect(matching('city startsWith "_"', [{ city: '_a' }, { city: 'a' }])).toEqual([0]);
  });

  it('treats null, a missing key and an empty string as empty', () => {
    expect(matching('city isEmpty', [...cities, { city: '' }])).toEqual([2, 4, 5]);
    expect(matching('not city isEmpty', [...cities, { city: '' }])).toEqual([0, 1, 3]);
  });

  it('compares numbers numerically', () => {
    const records = [{ version: 2 }, { version: 10 }, { version: null }, { version: -1.5 }];
    expect(matching('version < 3', records)).toEqual([0, 3]);
    expect(matching('version >= 10', records)).toEqual([1]);
    expect(matching('version > -2 and version <= 2', records)).toEqual([0, 3]);
    expect(matching('version = 10', records)).toEqual([1]);
    expect(matching('version != 10', records)).toEqual([0, 2, 3]);
    expect(matching('version in (2, -1.5)', records)).toEqual([0, 3]);
    expect(matching('version isEmpty', records)).toEqual([2]);
  });

  it('compares booleans, with != true including empty values', () => {
    const records = [{ hasEmailConsent: true }, { hasEmailConsent: false }, { hasEmailConsent: null }];
    expect(matching('hasEmailConsent = true', records)).toEqual([0]);
    expect(matching('hasEmailConsent = false', records)).toEqual([1]);
    expect(matching('hasEmailConsent != true', records)).toEqual([1, 2]);
    expect(matching('hasEmailConsent isEmpty', records)).toEqual([2]);
  });

  it('compares instants and dates as normalised text', () => {
    const records = [{ createdAt: '2023-12-31T23:59:59.999Z' }, { createdAt: '2024-01-01T00:00:00.000Z' }, { createdAt: '2024-03-01T10:00:00.000Z' }];
    expect(matching('createdAt >= "2024-01-01"', records)).toEqual([1, 2]);
    expect(matching('createdAt = "2024-01-01T01:00:00+01:00"', records)).toEqual([1]);
    expect(matching('birthday < "1990-06-01"', [{ birthday: '1990-05-31' }, { birthday: '1990-06-01' }])).toEqual([0]);
  });
});

describe('evaluateFilter on lists', () => {
  const records: Values[] = [
    { otherEmails: ['ann@example.com', 'ann@work.org'], tagIds: [A], lifecycleStage: 'lead' },
    { otherEmails: ['bob@example.org'], tagIds: [A, B] },
    { otherEmails: null, tagIds: null },
    { otherEmails: [], tagIds: [] },
  ];

  it('reads = as "some element", != as "no element", in as "some element in the list"', () => {
    expect(matching('otherEmails = "ann@work.org"', records)).toEqual([0]);
    expect(matching('otherEmails != "ann@work.org"', records)).toEqual([1, 2, 3]);
    expect(matching(`tagIds = "${B}"`, records)).toEqual([1]);
    expect(matching(`tagIds != "${A}"`, records)).toEqual([2, 3]);
    expect(matching(`tagIds in ("${B}", "0190f5a2-7c3e-7a10-8000-0000000000ff")`, records)).toEqual([1]);
  });

  it('reads contains and startsWith as "some element matches", folding ASCII case', () => {
    expect(matching('otherEmails contains "EXAMPLE"', records)).toEqual([0, 1]);
    expect(matching('otherEmails startsWith "Ann@W"', records)).toEqual([0]);
  });

  it('reads isEmpty as null or no elements', () => {
    expect(matching('otherEmails isEmpty', records)).toEqual([2, 3]);
    expect(matching('tagIds isEmpty', records)).toEqual([2, 3]);
  });

  it('reads a collection as empty when it has no items', () => {
    const lines = [{ lines: [{ quantity: 1 }] }, { lines: [] }, { lines: null }];
    expect(matching('lines isEmpty', lines, orders)).toEqual([1, 2]);
  });
});

describe('evaluateFilter on relation and collection paths', () => {
  const acme = { id: A, industry: 'retail', employees: 50, name: null };
  const globex = { id: B, industry: 'media', employees: 5, name: 'Globex' };

  it('holds when some related record satisfies the comparison', () => {
    const person = { companyIds: [A, B] };
    const related = { companyIds: [acme, globex] };
    expect(matching('companies.industry = "media"', [person], people, related)).toEqual([0]);
    expect(matching('companies.employees > 10 and companies.employees < 10', [person], people, related)).toEqual([0]);
    expect(matching('companies.industry != "retail"', [person], people, related)).toEqual([0]);
    expect(matching('companies.name isEmpty', [person], people, related)).toEqual([0]);
    expect(matching('companies.industry in ("energy")', [person], people, related)).toEqual([]);
  });

  it('is false for every operator, isEmpty and != included, when there is no related record', () => {
    for (const text of ['company.industry = "retail"', 'company.industry != "retail"', 'company.name isEmpty', 'company.employees < 1000', 'company.name contains ""']) {
      expect(matching(text, [{ companyId: null }], people, {})).toEqual([]);
      expect(matching(`not ${text}`, [{ companyId: null }], people, {})).toEqual([0]);
    }
  });

  it('negates the whole existence with not', () => {
    const related = { companyId: [acme] };
    expect(matching('company.industry = "retail"', [{ companyId: A }], people, related)).toEqual([0]);
    expect(matching('not company.industry = "retail"', [{ companyId: A }], people, related)).toEqual([]);
    expect(matching('company.industry != "retail"', [{ companyId: A }], people, related)).toEqual([]);
  });

  it('looks into collection items and list fields of related records', () => {
    const order = { lines: [{ quantity: 1, description: 'Tea' }, { quantity: 5, description: null }] };
    const related = { lines: order.lines };
    expect(matching('lines.quantity >= 5', [order], orders, related)).toEqual([0]);
    expect(matching('lines.description isEmpty', [order], orders, related)).toEqual([0]);
    expect(matching('lines.description startsWith "t"', [order], orders, related)).toEqual([0]);
    expect(matching('lines.quantity > 5', [order], orders, related)).toEqual([]);
    expect(matching(`company.tagIds = "${B}"`, [{ companyId: A }], people, { companyId: [{ tagIds: [A, B] }] })).toEqual([0]);
  });
});

describe('evaluateFilter logic', () => {
  it('combines with and, or and not as ordinary boolean logic', () => {
    const records = [{ city: 'Paris', version: 1 }, { city: 'Lyon', version: 2 }, { city: null, version: 3 }];
    expect(matching('city = "Paris" or version = 3', records)).toEqual([0, 2]);
    expect(matching('not (city = "Paris" or version = 3)', records)).toEqual([1]);
    expect(matching('not city = "Paris" and not version = 3', records)).toEqual([1]);
    expect(matching('not not city = "Lyon"', records)).toEqual([1]);
  });

  it('reads an empty and as true and an empty or as false', () => {
    expect(evaluateFilter({ kind: 'and', items: [] }, {}, () => [])).toBe(true);
    expect(evaluateFilter({ kind: 'or', items: [] }, {}, () => [])).toBe(false);
  });
});
