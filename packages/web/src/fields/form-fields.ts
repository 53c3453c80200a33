// The inputs of a form that creates a record (quick add on a record page, "New …" on a list),
// chosen from the object's definition, their starting drafts, and the values the API takes.
import type { FieldDescription, ObjectDescription } from '../api/types';
import { fromDraft } from './draft';
import { isEditable } from './format';

/**
 * The fields a creation form asks for: the required ones, the record's name, and the listed ones.
 * A list's form (`isStandalone`) has no record to link to: it also asks for listed relations and
 * for the searchable fields a name is made of (a person's first and last name).
 */
export function formFields(definition: ObjectDescription, { isStandalone = false } = {}): FieldDescription[] {
  return definition.fields.filter((field) => isEditable(field)
    && (field.isRequired || field.name === definition.displayField
      || (field.isListed && (isStandalone || field.type !== 'relation'))
      || (isStandalone && field.isSearchable === true)));
}

/** Empty drafts, except defaults and "now" for a required date-time. */
export function initialDrafts(fields: FieldDescription[]): Record<string, string> {
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  return Object.fromEntries(fields.map((field) => [field.name, field.type === 'datetime' && field.isRequired ? now : field.defaultValue !== undefined ? String(field.defaultValue) : '']));
}

/** The values to send for what was typed, on top of `base`; empty inputs are left out. */
export function valuesFromDrafts(fields: FieldDescription[], drafts: Record<string, string>, base: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = { ...base };
  for (const field of fields) {
    const value = fromDraft(field, drafts[field.name] ?? '', values);
    if (value !== null && !(field.type === 'boolean' && value === false)) values[field.name] = value;
  }
  return values;
}
