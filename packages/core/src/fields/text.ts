import { literalOf, normalizeText, TEXTUAL, type FieldTypeSpec } from './spec.js';

export const DEFAULT_TEXT_MAX_LENGTH = 10000;

export const text: FieldTypeSpec = {
  type: 'text',
  schema: (field) => ({ type: 'string', maxLength: field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH }),
  normalize: normalizeText,
  normalizeLiteral: (value) => literalOf('string', value, 'a string'),
  operators: TEXTUAL,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
