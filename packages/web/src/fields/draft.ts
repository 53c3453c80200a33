// An edit in progress is a string (what the input shows); these turn a stored value into that
// string and back into the value the API takes. Bad input is sent as typed, so that the
// server's own validation message is the one the user sees.
import type { FieldDescription } from '../api/types';
import { currencyOf, minorDigits } from './format';

export function toDraft(field: FieldDescription, record: Record<string, unknown>): string {
  const value = record[field.name];
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'currency': return String(Number(value) / 10 ** minorDigits(currencyOf(field, record)));
    case 'datetime': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) return String(value);
      const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
      return local.toISOString().slice(0, 16);
    }
    default: return String(value);
  }
}

export function fromDraft(field: FieldDescription, draft: string, record: Record<string, unknown>): unknown {
  const text = draft.trim();
  if (text === '') return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'number':
    case 'rating': return Number.isFinite(Number(text)) ? Number(text) : text;
    case 'currency': {
      const amount = Number(text.replace(/[\s,]/g, ''));
      return Number.isFinite(amount) ? Math.round(amount * 10 ** minorDigits(currencyOf(field, record))) : text;
    }
    case 'boolean': return text === 'true';
    case 'datetime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date.toISOString();
    }
    default: return text;
  }
}
