import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { literalOf, ok, refuse, TEXTUAL, type FieldTypeSpec } from './spec.js';

/**
 * Phones are stored in E.164 (`+442079460958`). A number is accepted when it is *possible*
 * for its country (right length), not only when it falls in a range known to libphonenumber's
 * metadata: a CRM must not refuse a customer's real new number.
 */
export function normalizePhone(value: unknown) {
  const parsed = parsePhoneNumberFromString(String(value).trim());
  if (!parsed || !parsed.isPossible()) return refuse('must be a phone number in international format, such as +44 20 7946 0958');
  return ok(parsed.number);
}

export const phone: FieldTypeSpec = {
  type: 'phone',
  schema: () => ({ type: 'string', minLength: 3, maxLength: 40 }),
  normalize: normalizePhone,
  // A whole number is compared in E.164, as stored; a fragment (for contains) as written.
  normalizeLiteral: (value) => {
    if (typeof value !== 'string') return literalOf('string', value, 'a string');
    const whole = normalizePhone(value);
    return whole.ok ? whole : ok(value);
  },
  operators: TEXTUAL,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
