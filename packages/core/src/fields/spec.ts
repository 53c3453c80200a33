// What a field type is: its JSON Schema, how an input becomes its stored form, and which
// filter operators apply. One file per type beside this one; `FIELD_TYPE_SPECS` maps them.
import type { FieldDefinition, FieldType } from './types.js';

export type JsonSchema = Record<string, unknown>;

export const FILTER_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'contains', 'startsWith', 'isEmpty'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A literal in a filter or a stored scalar: what one element of a field's value is. */
export type ValueKind = 'string' | 'number' | 'boolean';

export type Normalized = { ok: true; value: unknown } | { ok: false; message: string };

export interface FieldTypeSpec {
  type: FieldType;
  /** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a non-null value. */
  schema(field: FieldDefinition): JsonSchema;
  /**
   * Turns a schema-valid input into its stored, canonical form (trimmed text, lower-case
   * email, E.164 phone, UTC instant), or says why it is not acceptable.
   */
  normalize(value: unknown, field: FieldDefinition): Normalized;
  /** Turns a filter literal into the form it is compared in, or says why it cannot be. */
  normalizeLiteral(value: string | number | boolean, field: FieldDefinition): Normalized;
  operators: readonly FilterOperator[];
  valueKind: ValueKind;
  /** The value is a list of elements (multi-select, email list, to-many relation). */
  isList: boolean;
  /** Values can be ordered (sort, <, >). */
  isSortable: boolean;
}

export const ok = (value: unknown): Normalized => ({ ok: true, value });
export const refuse = (message: string): Normalized => ({ ok: false, message });

export const EQUALITY: readonly FilterOperator[] = ['=', '!=', 'in', 'isEmpty'];
export const ORDERED: readonly FilterOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'isEmpty'];
export const TEXTUAL: readonly FilterOperator[] = [...ORDERED, 'contains', 'startsWith'];

/** Text is stored trimmed; an empty string is stored as no value at all. */
export function normalizeText(value: unknown): Normalized {
  const text = String(value).trim();
  return ok(text === '' ? null : text);
}

/** Literal must be of a kind; returns it unchanged. */
export function literalOf(kind: ValueKind, value: string | number | boolean, describe: string): Normalized {
  return typeof value === kind ? ok(value) : refuse(`expects ${describe}, got ${JSON.stringify(value)}`);
}
