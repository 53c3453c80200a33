import { ok, refuse, TEXTUAL, type FieldTypeSpec } from './spec.js';

/** Emails are compared and stored in lower case, so that deduplication by email works. */
export const email: FieldTypeSpec = {
  type: 'email',
  schema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
  normalize: (value) => ok(String(value).trim().toLowerCase()),
  // Stored emails are lower case, so literals are too: `email = "Ann@X.com"` finds ann@x.com.
  normalizeLiteral: (value) => (typeof value === 'string' ? ok(value.trim().toLowerCase()) : refuse(`expects a string, got ${JSON.stringify(value)}`)),
  operators: TEXTUAL,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
