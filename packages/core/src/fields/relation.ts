import { UUID_SCHEMA, uuidOf } from './id.js';
import { EQUALITY, ok, type FieldTypeSpec } from './spec.js';

/**
 * A link to records of another object: an id (`cardinality: one`) or a set of ids (`many`).
 * For `many`, `=` means "links to", `in` "links to any of".
 */
export const relation: FieldTypeSpec = {
  type: 'relation',
  schema: (field) =>
    field.relation?.cardinality === 'many'
      ? { type: 'array', uniqueItems: true, maxItems: 1000, items: { ...UUID_SCHEMA } }
      : { ...UUID_SCHEMA },
  normalize: (value, field) => {
    if (field.relation?.cardinality !== 'many') return ok(String(value).toLowerCase());
    const ids = (value as string[]).map((item) => item.toLowerCase());
    return ok(ids.length === 0 ? null : [...new Set(ids)]);
  },
  normalizeLiteral: uuidOf,
  operators: EQUALITY,
  valueKind: 'string',
  isList: false, // set per field: see `isListField`
  isSortable: true,
};
