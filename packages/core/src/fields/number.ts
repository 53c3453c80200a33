import { literalOf, ok, ORDERED, type FieldTypeSpec } from './spec.js';

export const number: FieldTypeSpec = {
  type: 'number',
  schema: (field) => ({
    type: field.isInteger ? 'integer' : 'number',
    ...(field.min !== undefined ? { minimum: field.min } : {}),
    ...(field.max !== undefined ? { maximum: field.max } : {}),
  }),
  normalize: ok,
  normalizeLiteral: (value) => literalOf('number', value, 'a number'),
  operators: ORDERED,
  valueKind: 'number',
  isList: false,
  isSortable: true,
};
