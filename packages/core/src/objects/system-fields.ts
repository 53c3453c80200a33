// Fields every object carries, standard or custom (DESIGN: version, created/updated, trash).
import type { FieldDefinition } from '../fields/types.js';
import type { ObjectDefinition } from './types.js';

export const SYSTEM_FIELDS: readonly FieldDefinition[] = [
  { name: 'id', label: 'ID', type: 'id', isSystem: true, isReadOnly: true },
  { name: 'version', label: 'Version', type: 'number', isInteger: true, isSystem: true, isReadOnly: true },
  { name: 'createdAt', label: 'Created at', type: 'datetime', isSystem: true, isReadOnly: true },
  { name: 'createdBy', label: 'Created by', type: 'text', isSystem: true, isReadOnly: true },
  { name: 'updatedAt', label: 'Updated at', type: 'datetime', isSystem: true, isReadOnly: true },
  { name: 'updatedBy', label: 'Updated by', type: 'text', isSystem: true, isReadOnly: true },
  { name: 'deletedAt', label: 'Deleted at', type: 'datetime', isSystem: true, isReadOnly: true },
];

export const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS.map((f) => f.name));

/**
 * Prepends the system fields to an object's own fields.
 * @example const people = withSystemFields({ name: 'people', ..., fields: [firstName] });
 */
export function withSystemFields(definition: ObjectDefinition): ObjectDefinition {
  return { ...definition, fields: [...SYSTEM_FIELDS, ...definition.fields] };
}

/** Select choices from values, labelled by splitting camelCase (`inPerson` → `In person`). */
export function choicesOf(...values: string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}

function labelOf(value: string): string {
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
