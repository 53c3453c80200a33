import type { FieldDefinition } from './types.js';
import { EQUALITY, ok, refuse, type FieldTypeSpec, type Normalized } from './spec.js';

/** A literal or element must be one of the field's choices. */
export function choiceOf(value: unknown, field: FieldDefinition): Normalized {
  const values = (field.choices ?? []).map((choice) => choice.value);
  return typeof value === 'string' && values.includes(value)
    ? ok(value)
    : refuse(`expects one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
}

export const select: FieldTypeSpec = {
  type: 'select',
  schema: (field) => ({ type: 'string', enum: (field.choices ?? []).map((choice) => choice.value) }),
  normalize: ok,
  normalizeLiteral: choiceOf,
  operators: EQUALITY,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};

/** A set of choices; `=` means "includes", `in` means "includes any of". */
export const multiSelect: FieldTypeSpec = {
  type: 'multiSelect',
  schema: (field) => ({ type: 'array', uniqueItems: true, maxItems: 100, items: select.schema(field) }),
  normalize: (value) => ok((value as string[]).length === 0 ? null : value),
  normalizeLiteral: choiceOf,
  operators: EQUALITY,
  valueKind: 'string',
  isList: true,
  isSortable: false,
};

