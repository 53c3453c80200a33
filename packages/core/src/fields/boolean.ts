import { literalOf, ok, type FieldTypeSpec } from './spec.js';

export const boolean: FieldTypeSpec = {
  type: 'boolean',
  schema: () => ({ type: 'boolean' }),
  normalize: ok,
  normalizeLiteral: (value) => literalOf('boolean', value, 'true or false'),
  operators: ['=', '!=', 'isEmpty'],
  valueKind: 'boolean',
  isList: false,
  isSortable: true,
};
