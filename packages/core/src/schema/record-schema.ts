// JSON Schemas of an object's records, built from its definition: the same schemas validate
// writes in the engine and describe the records in the OpenAPI document.
import { fieldTypeSpec, isListField, type JsonSchema } from '../fields/index.js';
import type { FieldDefinition } from '../fields/types.js';
import type { ObjectDefinition } from '../objects/types.js';

export interface RecordSchemas {
  /** A record as the API returns it. */
  read: JsonSchema;
  /** The body of a create: writable fields, the required ones required. */
  create: JsonSchema;
  /** The body of a PATCH: writable fields, all optional, at least one. */
  update: JsonSchema;
}

const NULL: JsonSchema = { type: 'null' };

function describe(field: FieldDefinition, schema: JsonSchema): JsonSchema {
  const description = [field.label, field.description].filter(Boolean).join(' — ');
  return { ...schema, description: schema.description ? `${description} (${schema.description})` : description };
}

/**
 * The JSON Schema of one field's non-null value (collections: an array of item objects).
 * @example fieldValueSchema({ name: 'score', label: 'Score', type: 'rating' }) // { type: 'integer', minimum: 1, maximum: 5 }
 */
export function fieldValueSchema(field: FieldDefinition, mode: 'read' | 'write'): JsonSchema {
  if (field.type !== 'collection' || !field.collection) return fieldTypeSpec(field).schema(field);
  const items = field.collection.fields;
  const properties: Record<string, JsonSchema> = { id: { type: 'string', format: 'uuid' } };
  for (const item of items) properties[item.name] = nullableUnless(item.isRequired && mode === 'write', describe(item, fieldValueSchema(item, mode)));
  return {
    type: 'array',
    maxItems: field.collection.maxItems ?? 1000,
    items: {
      type: 'object',
      additionalProperties: false,
      properties,
      required: mode === 'write' ? items.filter((item) => item.isRequired).map((item) => item.name) : ['id', ...items.map((item) => item.name)],
    },
  };
}

function nullableUnless(required: boolean | undefined, schema: JsonSchema): JsonSchema {
  return required ? schema : { anyOf: [schema, NULL], description: schema.description };
}

/**
 * Read, create and update schemas of an object.
 * @example const { create } = recordSchemas(people); ajv.compile(create)
 */
export function recordSchemas(definition: ObjectDefinition): RecordSchemas {
  const readProperties: Record<string, JsonSchema> = {};
  const writeProperties: Record<string, JsonSchema> = {};
  const requiredOnCreate: string[] = [];
  for (const field of definition.fields) {
    const read = describe(field, fieldValueSchema(field, 'read'));
    // Lists read as [] when empty; scalars read as null when empty.
    readProperties[field.name] = isListField(field) ? read : nullableUnless(field.isRequired || field.isSystem && field.name !== 'deletedAt', read);
    if (field.isReadOnly) continue;
    const write = describe(field, fieldValueSchema(field, 'write'));
    writeProperties[field.name] = field.isRequired ? write : nullableUnless(false, write);
    if (field.isRequired && field.defaultValue === undefined) requiredOnCreate.push(field.name);
  }
  return {
    read: {
      type: 'object',
      properties: readProperties,
      required: ['id', 'version'],
      additionalProperties: false,
    },
    create: { type: 'object', properties: writeProperties, required: requiredOnCreate, additionalProperties: false },
    update: { type: 'object', properties: writeProperties, minProperties: 1, additionalProperties: false },
  };
}
