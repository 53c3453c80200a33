// How a value of each field type reads in a table cell, on a record page and on a card.
import type { FieldDescription } from '../api/types';

/** Labels of related records by id, for relation fields. */
export type RelationLabels = Record<string, string>;

const fractionDigits = new Map<string, number>();

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY): money is stored in minor units. */
export function minorDigits(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return digits;
}

/** The ISO 4217 code of a record's money field: its sibling `currency` field, or the field's own. */
export function currencyOf(field: FieldDescription, record: Record<string, unknown>): string {
  return (typeof record.currency === 'string' && record.currency) || field.currency || 'EUR';
}

export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  // Whole amounts without cents (€42,000); any other with all of them (€14,362.90, not €14,362.9).
  const fraction = Number.isInteger(minor / 10 ** digits) ? 0 : digits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: fraction, maximumFractionDigits: digits }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

function choiceLabel(field: FieldDescription, value: unknown): string {
  return field.choices?.find((choice) => choice.value === value)?.label ?? String(value);
}

/**
 * The text for a field's value; '' when empty.
 * @example formatValue(amountField, { amount: 125000, currency: 'EUR' }) // '€1,250'
 */
export function formatValue(field: FieldDescription, record: Record<string, unknown>, labels: RelationLabels = {}): string {
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'boolean': return value ? 'Yes' : 'No';
    case 'select': return choiceLabel(field, value);
    case 'multiSelect': return (value as unknown[]).map((item) => choiceLabel(field, item)).join(', ');
    case 'currency': return formatMoney(Number(value), currencyOf(field, record));
    case 'number': return typeof value === 'number' ? value.toLocaleString() : String(value);
    case 'date': return dateOnly.format(new Date(`${value}T00:00:00Z`));
    case 'datetime': return formatInstant(String(value));
    case 'rating': return `${'★'.repeat(Number(value))} (${value})`;
    case 'user':
    case 'relation': return (Array.isArray(value) ? value : [value]).map((id) => labels[String(id)] ?? String(id).slice(0, 8)).join(', ');
    case 'collection': return `${(value as unknown[]).length} item${(value as unknown[]).length === 1 ? '' : 's'}`;
    case 'emailList':
    case 'phoneList': return (value as unknown[]).join(', ');
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** Fields a person can change in place: plain values, a user, or one related record. */
export function isEditable(field: FieldDescription): boolean {
  if (field.isReadOnly || field.isSystem) return false;
  if (field.type === 'relation') return field.relation?.cardinality === 'one';
  return EDITABLE_TYPES.has(field.type);
}

const EDITABLE_TYPES = new Set(['text', 'email', 'phone', 'url', 'number', 'currency', 'date', 'datetime', 'boolean', 'select', 'rating', 'currencyCode', 'user']);
