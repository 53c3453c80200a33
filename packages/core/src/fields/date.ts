import { ok, ORDERED, refuse, type FieldTypeSpec } from './spec.js';
import { toInstant } from './datetime.js';

/** A calendar date, stored as `YYYY-MM-DD` text. */
function normalizeDate(value: unknown) {
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || toInstant(`${text}T00:00:00Z`)?.slice(0, 10) !== text) {
    return refuse(`must be a calendar date such as 2026-03-31, got ${JSON.stringify(value)}`);
  }
  return ok(text);
}

export const date: FieldTypeSpec = {
  type: 'date',
  schema: () => ({ type: 'string', format: 'date' }),
  normalize: normalizeDate,
  normalizeLiteral: (value) => (typeof value === 'string' ? normalizeDate(value) : refuse(`expects a date string, got ${JSON.stringify(value)}`)),
  operators: ORDERED,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
