import { ok, ORDERED, refuse, type FieldTypeSpec } from './spec.js';

/**
 * Money: an integer amount in the currency's minor units (cents), never a float. The currency
 * is the record's `currency` field (or `currencyField`), else the field's fixed `currency`.
 */
export const currency: FieldTypeSpec = {
  type: 'currency',
  schema: (field) => ({
    type: 'integer',
    minimum: field.min ?? -Number.MAX_SAFE_INTEGER,
    maximum: field.max ?? Number.MAX_SAFE_INTEGER,
    description: 'Amount in minor units of the currency (cents).',
  }),
  normalize: ok,
  normalizeLiteral: (value) =>
    Number.isSafeInteger(value) ? ok(value) : refuse(`expects an integer amount in minor units, got ${JSON.stringify(value)}`),
  operators: ORDERED,
  valueKind: 'number',
  isList: false,
  isSortable: true,
};
