import { literalOf, ok, refuse, TEXTUAL, type FieldTypeSpec } from './spec.js';

export const url: FieldTypeSpec = {
  type: 'url',
  schema: () => ({ type: 'string', format: 'uri', maxLength: 2048 }),
  normalize: (value) => {
    const parsed = URL.canParse(String(value)) ? new URL(String(value)) : null;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return refuse('must be an http(s) URL');
    return ok(parsed.href);
  },
  normalizeLiteral: (value) => literalOf('string', value, 'a string'),
  operators: TEXTUAL,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
