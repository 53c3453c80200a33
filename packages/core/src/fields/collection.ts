import { ok, type FieldTypeSpec } from './spec.js';

/**
 * Child rows owned by a record and written with it (an order's lines, an interaction's
 * participants). Item validation and storage are driven by `collection.fields`; see
 * `recordSchemas` and the engine. In filters a collection is a path: `lines.productId = "…"`.
 */
export const collection: FieldTypeSpec = {
  type: 'collection',
  schema: () => ({ type: 'array' }), // replaced by the item schema in `fieldValueSchema`
  normalize: ok,
  normalizeLiteral: () => ({ ok: false, message: 'is a collection: filter on one of its item fields, as in lines.productId' }),
  operators: ['isEmpty'],
  valueKind: 'string',
  isList: true,
  isSortable: false,
};
