// Showing a field's value as text, by field type.
import type { FieldDescription } from './api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatValue(field: FieldDescription, value: unknown, currency?: string, names?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '';
  switch (field.type) {
    case 'relation':
    case 'user':
      return [value].flat().map((id) => names?.get(String(id)) ?? String(id)).join(', ');
    case 'currency':
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR' }).format(Number(value) / 100);
    case 'datetime':
      return dateTime.format(new Date(String(value)));
    case 'date':
      return date.format(new Date(`${String(value)}T00:00:00Z`));
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'select':
      return field.choices?.find((c) => c.value === value)?.label ?? String(value);
    case 'multiSelect':
      return (value as string[]).map((v) => field.choices?.find((c) => c.value === v)?.label ?? v).join(', ');
    case 'collection':
      return `${(value as unknown[]).length} items`;
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** Fields a person can edit in a form or a cell: simple values, not computed, not system. */
export function isEditable(field: FieldDescription): boolean {
  return !field.isReadOnly && !field.isSystem && ['text', 'number', 'email', 'phone', 'url', 'select', 'date', 'boolean', 'rating', 'currency'].includes(field.type);
}

/** A value typed into an input, as the API expects it for the field. */
export function parseInput(field: FieldDescription, text: string): unknown {
  if (text.trim() === '') return null;
  if (field.type === 'number' || field.type === 'rating') return Number(text);
  if (field.type === 'currency') return Math.round(Number(text) * 100);
  if (field.type === 'boolean') return text === 'true';
  return text;
}

/** A value as an input shows it for editing. */
export function toInput(field: FieldDescription, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'currency') return String(Number(value) / 100);
  return String(value);
}
