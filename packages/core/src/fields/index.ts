// The field-type registry: one spec per type (see spec.ts for what a spec holds).
import { boolean } from './boolean.js';
import { collection } from './collection.js';
import { currencyCode } from './currency-code.js';
import { currency } from './currency.js';
import { date } from './date.js';
import { datetime } from './datetime.js';
import { email } from './email.js';
import { id, user } from './id.js';
import { emailList, phoneList } from './lists.js';
import { number } from './number.js';
import { phone } from './phone.js';
import { rating } from './rating.js';
import { relation } from './relation.js';
import { multiSelect, select } from './select.js';
import type { FieldTypeSpec } from './spec.js';
import { text } from './text.js';
import type { FieldDefinition, FieldType } from './types.js';
import { url } from './url.js';

export const FIELD_TYPE_SPECS: Readonly<Record<FieldType, FieldTypeSpec>> = {
  text, number, currency, date, datetime, boolean, select, multiSelect, email, phone, url,
  relation, rating, id, user, currencyCode, emailList, phoneList, collection,
};

/**
 * The spec of a field's type.
 * @example fieldTypeSpec({ name: 'email', label: 'Email', type: 'email' }).operators
 */
export function fieldTypeSpec(field: FieldDefinition): FieldTypeSpec {
  return FIELD_TYPE_SPECS[field.type];
}

/** True when the field holds a list (multi-select, email list, to-many relation, collection). */
export function isListField(field: FieldDefinition): boolean {
  return field.type === 'relation' ? field.relation?.cardinality === 'many' : FIELD_TYPE_SPECS[field.type].isList;
}

/** True when records can be sorted and compared with <, > on this field. */
export function isSortableField(field: FieldDefinition): boolean {
  return !isListField(field) && FIELD_TYPE_SPECS[field.type].isSortable;
}

export { toInstant } from './datetime.js';
export { isCurrencyCode } from './currency-code.js';
export { uuidOf } from './id.js';
export { DEFAULT_RATING_MAX } from './rating.js';
export * from './spec.js';
export * from './types.js';
