// fast-check generators of filters over an object definition, for property tests that compare
// the SQL compiler with `evaluateFilter`. Literals come from small pools (FILTER_SAMPLES) that
// record generators should draw from too, so that comparisons match often.
import fc from 'fast-check';
import {
  FILTER_OPERATORS, fieldTypeSpec, printFilter,
  type FieldDefinition, type FilterExpression, type FilterOperator, type Literal, type ObjectDefinition,
} from '@rapport/core';

/** Characters of generated text: ASCII of both cases, LIKE's metacharacters, quotes, two non-ASCII letters. */
export const FILTER_TEXT_ALPHABET = ['a', 'b', 'A', 'B', ' ', '%', '_', '\\', "'", '"', 'é', 'Ü'] as const;

/** Values for literals (and for the records they are compared with), by kind of field. */
export const FILTER_SAMPLES = {
  text: ['', 'a', 'A', 'ab', 'aB', 'Ab b', 'é', 'É', 'Ü', 'ü', '%', '_', 'a%b', 'a_b', '\\', "O'Brien", 'say "hi"'],
  email: ['ann@example.com', 'bob@example.org', 'ANN@EXAMPLE.COM', 'ann', 'example', '@example.org', 'zoé@example.com'],
  phone: ['+442079460958', '+33612345678', '+44', '0958', '+1'],
  url: ['https://example.com/', 'https://example.org/a_b', 'HTTPS://', 'example'],
  number: [-1.5, -1, 0, 1, 2, 2.5, 3, 10, 100],
  integer: [-1, 0, 1, 2, 100, 999, 1000, 5000],
  rating: [1, 2, 3, 4, 5],
  date: ['2023-12-31', '2024-01-01', '2024-02-29', '2024-06-15', '2025-01-01'],
  datetime: ['2024-01-01', '2024-01-01T00:00:00.000Z', '2024-06-15T12:30:00Z', '2024-06-15T14:30:00+02:00', '2025-01-01T23:59:59.999Z'],
  id: [
    '0190f5a2-7c3e-7a10-8000-000000000001', '0190f5a2-7c3e-7a10-8000-000000000002',
    '0190f5a2-7c3e-7a10-8000-00000000000a', '0191a000-0000-7000-8000-0000000000ff',
    '0190F5A2-7C3E-7A10-8000-00000000000A',
  ],
  currencyCode: ['EUR', 'USD', 'GBP', 'JPY'],
} as const;

export interface ArbitraryFilterOptions {
  /** Make about 10 % of leaves invalid: unknown field, wrong operator, wrong literal type. */
  allowInvalid?: boolean;
}

/** A leaf's place: the path as written and the field it resolves to. */
interface Target {
  path: string;
  field: FieldDefinition;
}

/**
 * Filters in normal form (and/or with two or three children) over a definition's fields,
 * including `relation.field` and `collection.field` paths.
 * @example fc.sample(arbitraryFilter(people, (name) => objects.get(name)), 1)
 */
export function arbitraryFilter(
  definition: ObjectDefinition,
  objectOf: (name: string) => ObjectDefinition | undefined,
  options: ArbitraryFilterOptions = {},
): fc.Arbitrary<FilterExpression> {
  const { own, paths } = targetsOf(definition, objectOf);
  const target = paths.length === 0
    ? fc.constantFrom(...own)
    : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...paths) });
  const valid = target.chain(validLeaf);
  const leaf = options.allowInvalid
    ? fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalidLeaf(own, paths) })
    : valid;
  const children = (tie: (key: string) => fc.Arbitrary<unknown>) =>
    fc.array(tie('node') as fc.Arbitrary<FilterExpression>, { minLength: 2, maxLength: 3 });
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('and'), tie('or'), tie('not')),
    and: children(tie).map((and) => ({ and })),
    or: children(tie).map((or) => ({ or })),
    not: tie('node').map((not) => ({ not: not as FilterExpression })),
  })).node as fc.Arbitrary<FilterExpression>;
}

/**
 * The same filters as text, in canonical form.
 * @example fc.sample(arbitraryFilterText(people, objectOf), 1) // ['lifecycleStage = "lead" or …']
 */
export function arbitraryFilterText(
  definition: ObjectDefinition,
  objectOf: (name: string) => ObjectDefinition | undefined,
  options: ArbitraryFilterOptions = {},
): fc.Arbitrary<string> {
  return arbitraryFilter(definition, objectOf, options).map(printFilter);
}

/**
 * A literal of the field's type drawn from FILTER_SAMPLES (or the field's choices).
 * @example fc.sample(arbitraryLiteral({ name: 'city', label: 'City', type: 'text' }), 3)
 */
export function arbitraryLiteral(field: FieldDefinition): fc.Arbitrary<Literal> {
  switch (field.type) {
    case 'text': return fc.oneof(fc.constantFrom(...FILTER_SAMPLES.text), arbitraryText());
    case 'email': case 'emailList': return fc.constantFrom(...FILTER_SAMPLES.email);
    case 'phone': case 'phoneList': return fc.constantFrom(...FILTER_SAMPLES.phone);
    case 'url': return fc.constantFrom(...FILTER_SAMPLES.url);
    case 'number': return fc.constantFrom(...(field.isInteger ? FILTER_SAMPLES.integer : FILTER_SAMPLES.number));
    case 'currency': return fc.constantFrom(...FILTER_SAMPLES.integer);
    case 'rating': return fc.constantFrom(...FILTER_SAMPLES.rating);
    case 'date': return fc.constantFrom(...FILTER_SAMPLES.date);
    case 'datetime': return fc.constantFrom(...FILTER_SAMPLES.datetime);
    case 'boolean': return fc.boolean();
    case 'select': case 'multiSelect': {
      const values = (field.choices ?? []).map((choice) => choice.value);
      return values.length > 0 ? fc.constantFrom(...values) : fc.constant('none');
    }
    case 'id': case 'user': case 'relation': return fc.constantFrom(...FILTER_SAMPLES.id);
    case 'currencyCode': return fc.constantFrom(...FILTER_SAMPLES.currencyCode);
    case 'collection': return fc.constant('');
  }
}

/** Short text over FILTER_TEXT_ALPHABET. */
export function arbitraryText(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...FILTER_TEXT_ALPHABET), minLength: 1, maxLength: 3 });
}

function targetsOf(definition: ObjectDefinition, objectOf: (name: string) => ObjectDefinition | undefined) {
  const own: Target[] = definition.fields.map((field) => ({ path: field.name, field }));
  const paths: Target[] = [];
  for (const via of definition.fields) {
    if (via.type === 'collection' && via.collection) {
      for (const field of via.collection.fields) paths.push({ path: `${via.name}.${field.name}`, field });
    } else if (via.type === 'relation' && via.relation) {
      const target = objectOf(via.relation.target);
      for (const field of target?.fields ?? []) paths.push({ path: `${via.relation.name}.${field.name}`, field });
    }
  }
  return { own, paths };
}

function validLeaf({ path, field }: Target): fc.Arbitrary<FilterExpression> {
  const operators = fieldTypeSpec(field).operators;
  return fc.constantFrom(...operators).chain((op) => leafOf(path, field, op, arbitraryLiteral(field)));
}

function leafOf(path: string, field: FieldDefinition, op: FilterOperator, literal: fc.Arbitrary<Literal>): fc.Arbitrary<FilterExpression> {
  if (op === 'isEmpty') return fc.constant({ field: path, op });
  if (op === 'in') return fc.array(literal, { minLength: 1, maxLength: 3 }).map((value) => ({ field: path, op, value }));
  return literal.map((value) => ({ field: path, op, value }));
}

/** A leaf the binder must refuse (almost always: a wrong literal may happen to be acceptable). */
function invalidLeaf(own: Target[], paths: Target[]): fc.Arbitrary<FilterExpression> {
  const unknownPaths = ['noSuchField', 'noSuch.field', 'a.b.c', ...paths.slice(0, 1).map(({ path }) => `${path.split('.')[0]}.noSuchField`)];
  const unknown = fc.constantFrom(...unknownPaths).map((path): FilterExpression => ({ field: path, op: '=', value: 'x' }));
  const all = [...own, ...paths];
  const wrongOperator = fc.constantFrom(...all.filter(({ field }) => fieldTypeSpec(field).operators.length < FILTER_OPERATORS.length))
    .chain(({ path, field }) => {
      const allowed = fieldTypeSpec(field).operators;
      return fc.constantFrom(...FILTER_OPERATORS.filter((op) => !allowed.includes(op)))
        .chain((op) => leafOf(path, field, op, fc.constantFrom<Literal>('a', 1, true)));
    });
  const withLiterals = all.filter(({ field }) => field.type !== 'collection');
  const wrongLiteral = fc.constantFrom(...withLiterals).chain(({ path, field }) => {
    const op = fieldTypeSpec(field).operators.find((candidate) => candidate !== 'isEmpty') ?? '=';
    return leafOf(path, field, op, fc.constant(wrongLiteralFor(field)));
  });
  return fc.oneof(unknown, wrongOperator, wrongLiteral);
}

/** Every string-valued type refuses a number, and number and boolean types refuse text. */
function wrongLiteralFor(field: FieldDefinition): Literal {
  switch (fieldTypeSpec(field).valueKind) {
    case 'number': return 'twelve';
    case 'boolean': return 'yes';
    case 'string': return 42;
  }
}
