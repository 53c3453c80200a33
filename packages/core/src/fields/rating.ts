import { literalOf, ok, ORDERED, type FieldTypeSpec } from './spec.js';

export const DEFAULT_RATING_MAX = 5;

export const rating: FieldTypeSpec = {
  type: 'rating',
  schema: (field) => ({ type: 'integer', minimum: 1, maximum: field.max ?? DEFAULT_RATING_MAX }),
  normalize: ok,
  normalizeLiteral: (value) => literalOf('number', value, 'a number'),
  operators: ORDERED,
  valueKind: 'number',
  isList: false,
  isSortable: true,
};
