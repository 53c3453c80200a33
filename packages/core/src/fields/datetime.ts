import { ok, ORDERED, refuse, type FieldTypeSpec } from './spec.js';

/**
 * Instants are stored as fixed-width UTC ISO 8601 text (`2026-11-24T09:30:00.000Z`): it sorts
 * chronologically as text and behaves the same on SQLite and PostgreSQL.
 */
export function toInstant(value: string): string | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return iso.length === 24 ? iso : null; // years outside 0000–9999 widen the text and break ordering
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const datetime: FieldTypeSpec = {
  type: 'datetime',
  schema: () => ({ type: 'string', format: 'date-time' }),
  normalize: (value) => {
    const instant = toInstant(String(value));
    return instant ? ok(instant) : refuse('must be an ISO 8601 date-time with a time zone');
  },
  /** A literal may be a date (midnight UTC) or a date-time. */
  normalizeLiteral: (value) => {
    if (typeof value !== 'string') return refuse(`expects a date-time string, got ${JSON.stringify(value)}`);
    const instant = toInstant(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
    return instant ? ok(instant) : refuse(`expects an ISO 8601 date-time, got ${JSON.stringify(value)}`);
  },
  operators: ORDERED,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
