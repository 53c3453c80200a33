// JSON Schema of the filter language's JSON form (ast.ts). The server validates JSON input with
// it (Ajv), so core has no hand-written structural validation.
import { COMPARISON_OPERATORS } from './ast.js';

// anyOf rather than a type list, which Ajv's strict mode refuses without allowUnionTypes.
const literal = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };
const path = { type: 'string', minLength: 1 };

/**
 * JSON Schema (2020-12 vocabulary) of a `FilterExpression`. It carries no `$schema` or `$id`, and
 * uses only keywords that mean the same in draft-07, so any Ajv class (`Ajv`, `Ajv2020`) compiles
 * it, as often as needed.
 * @example new Ajv2020().compile(FILTER_JSON_SCHEMA)({ field: 'email', op: 'isEmpty' }) // true
 */
export const FILTER_JSON_SCHEMA = {
  title: 'Filter',
  description: 'A filter in JSON form: and/or/not over comparisons of a field path with literals.',
  $ref: '#/$defs/expression',
  $defs: {
    expression: {
      oneOf: [
        { $ref: '#/$defs/and' }, { $ref: '#/$defs/or' }, { $ref: '#/$defs/not' },
        { $ref: '#/$defs/comparison' }, { $ref: '#/$defs/in' }, { $ref: '#/$defs/isEmpty' },
      ],
    },
    and: {
      type: 'object',
      properties: { and: { type: 'array', minItems: 1, items: { $ref: '#/$defs/expression' } } },
      required: ['and'],
      additionalProperties: false,
    },
    or: {
      type: 'object',
      properties: { or: { type: 'array', minItems: 1, items: { $ref: '#/$defs/expression' } } },
      required: ['or'],
      additionalProperties: false,
    },
    not: {
      type: 'object',
      properties: { not: { $ref: '#/$defs/expression' } },
      required: ['not'],
      additionalProperties: false,
    },
    comparison: {
      type: 'object',
      properties: { field: path, op: { enum: [...COMPARISON_OPERATORS] }, value: literal },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    in: {
      type: 'object',
      properties: { field: path, op: { const: 'in' }, value: { type: 'array', minItems: 1, items: literal } },
      required: ['field', 'op', 'value'],
      additionalProperties: false,
    },
    isEmpty: {
      type: 'object',
      properties: { field: path, op: { const: 'isEmpty' } },
      required: ['field', 'op'],
      additionalProperties: false,
    },
  },
} as const;
