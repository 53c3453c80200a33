// Validating a write: the JSON Schema built from the definition (the same one the OpenAPI
// document shows) compiled with Ajv and cached per definition, then each field's
// normalisation (trim, lower-case email, E.164 phone, UTC instant).
import { fieldTypeSpec, recordSchemas, type FieldDefinition, type ObjectDefinition } from '@rapport/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ValidationFailed, type FieldProblem } from '../errors.js';
import type { RecordValues } from './codec.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);

interface Validators {
  create: ValidateFunction;
  update: ValidateFunction;
  fields: ReadonlyMap<string, FieldDefinition>;
}

const compiled = new WeakMap<ObjectDefinition, Validators>();

function validatorsOf(definition: ObjectDefinition): Validators {
  let validators = compiled.get(definition);
  if (!validators) {
    const schemas = recordSchemas(definition);
    validators = {
      create: ajv.compile(schemas.create),
      update: ajv.compile(schemas.update),
      fields: new Map(definition.fields.map((field) => [field.name, field])),
    };
    compiled.set(definition, validators);
  }
  return validators;
}

/** `/lines/2/quantity` → `lines[2].quantity` */
function fieldPath(pointer: string, leaf?: string): string {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (leaf !== undefined) parts.push(leaf);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** What a value of each string format looks like, in words people read (Ajv says `must match format "email"`). */
const FORMATS: Record<string, string> = {
  email: 'an email address, such as name@example.com',
  uri: 'a web address, such as https://example.com',
  date: 'a date, such as 2026-05-31',
  'date-time': 'a date and time, such as 2026-05-31T09:30:00Z',
};

function describeError(definition: ObjectDefinition, error: ErrorObject): FieldProblem | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'anyOf': return undefined; // the branch errors say more
    case 'type': if (params.type === 'null') return undefined; break;
    case 'required': return { field: fieldPath(error.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return { field: fieldPath(error.instancePath, name), message: error.instancePath ? 'is not a field of this item' : `is not a field of ${definition.name}` };
    }
    case 'minProperties': return { field: '', message: 'names no field to change' };
    case 'enum': return { field: fieldPath(error.instancePath), message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'format': {
      const wanted = FORMATS[String(params.format)];
      if (wanted) return { field: fieldPath(error.instancePath), message: `must be ${wanted}` };
      break;
    }
  }
  return { field: fieldPath(error.instancePath) || '', message: error.message ?? 'is not valid' };
}

function unique(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Checks and normalises the body of a create or update; throws ValidationFailed naming every
 * bad field. Returns only the fields the body names, normalised.
 * @example validateWrite(people, { email: ' Ann@Example.com ' }, 'update') // { email: 'ann@example.com' }
 */
export function validateWrite(definition: ObjectDefinition, body: unknown, mode: 'create' | 'update', index?: number): RecordValues {
  const at = (problems: FieldProblem[]) => (index === undefined ? problems : problems.map((problem) => ({ ...problem, index })));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailed(at([{ field: '', message: 'must be a JSON object of field values' }]));
  }
  const validators = validatorsOf(definition);
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(body)) {
    const field = validators.fields.get(name);
    if (field?.isReadOnly) problems.push({ field: name, message: field.isSystem ? 'is set by Rapport and cannot be written' : 'is computed and cannot be written' });
  }
  const validate = mode === 'create' ? validators.create : validators.update;
  if (!validate(body)) {
    for (const error of validate.errors ?? []) {
      const problem = describeError(definition, error);
      if (problem && !problems.some((p) => p.field === problem.field && p.message.includes('cannot be written'))) problems.push(problem);
    }
  }
  if (problems.length) throw new ValidationFailed(at(unique(problems)));

  const values: RecordValues = {};
  for (const [name, value] of Object.entries(body as RecordValues)) {
    const field = validators.fields.get(name)!;
    const normalized = normalizeValue(field, value, name, problems);
    if (normalized !== INVALID) values[name] = normalized;
  }
  if (problems.length) throw new ValidationFailed(at(problems));
  return values;
}

const INVALID = Symbol('invalid');

function normalizeValue(field: FieldDefinition, value: unknown, path: string, problems: FieldProblem[]): unknown {
  if (value === null) return null;
  if (field.type === 'collection' && field.collection) {
    const items = field.collection.fields;
    return (value as RecordValues[]).map((item, i) => {
      const out: RecordValues = item.id ? { id: String(item.id).toLowerCase() } : {};
      for (const itemField of items) {
        const normalized = normalizeValue(itemField, item[itemField.name] ?? null, `${path}[${i}].${itemField.name}`, problems);
        out[itemField.name] = normalized === INVALID ? null : normalized;
      }
      return out;
    });
  }
  const normalized = fieldTypeSpec(field).normalize(value, field);
  if (!normalized.ok) {
    problems.push({ field: path, message: normalized.message });
    return INVALID;
  }
  if (normalized.value === null && field.isRequired) {
    problems.push({ field: path, message: 'is required and cannot be empty' });
    return INVALID;
  }
  return normalized.value;
}
