// The OpenAPI description of the record engine: one concrete set of paths per object, with
// schemas built from its definition by core's `recordSchemas` — the same schemas the engine
// validates writes with. Custom fields and custom objects appear as soon as they exist.
import { recordSchemas, type JsonSchema, type ObjectDefinition } from '@rapport/core';
import { MAX_BATCH } from '../../engine/batch.js';
import { upsertKeys } from '../../engine/batch.js';
import { MAX_LIMIT } from '../../engine/list-query.js';

type Operation = Record<string, unknown>;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const errors = (...statuses: number[]) => Object.fromEntries([
  [400, problem('Bad input: the fields at fault are named in `errors`')],
  [401, problem('No valid API key')],
  ...statuses.map((status) => [status, problem(({ 404: 'No such record', 409: 'Version conflict or duplicate', 413: 'Body too large', 415: 'Not JSON', 422: 'Refused by a business rule' } as Record<number, string>)[status] ?? 'Error')]),
]);
const json = (schema: JsonSchema, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const etag = { ETag: { description: 'The record version, for If-Match', schema: { type: 'string' } } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const ifMatch = { name: 'If-Match', in: 'header', required: false, description: 'The ETag you read; a stale one gets 409 and changes nothing', schema: { type: 'string' } };
const fieldsParam = { name: 'fields', in: 'query', required: false, description: 'Comma-separated fields to return', schema: { type: 'string' } };

const listParams = [
  { name: 'filter', in: 'query', required: false, description: 'Filter language, e.g. lifecycleStage = "customer" and company.industry = "retail"; or its JSON form', schema: { type: 'string', maxLength: 10000 } },
  { name: 'sort', in: 'query', required: false, description: 'Comma-separated fields, - for descending (default -createdAt)', schema: { type: 'string' } },
  fieldsParam,
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 50 } },
  { name: 'cursor', in: 'query', required: false, description: 'nextCursor of the previous page', schema: { type: 'string' } },
  { name: 'total', in: 'query', required: false, description: 'Also count matching records', schema: { type: 'boolean' } },
  { name: 'trashed', in: 'query', required: false, description: 'List the trash', schema: { type: 'boolean' } },
];

function pascal(text: string): string {
  return text.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, letter: string) => letter.toUpperCase()).replace(/[^a-zA-Z0-9]/g, '');
}

/** Component names for each object: `Person`, `PersonCreate`… unique even if labels collide. */
export function schemaNames(objects: readonly ObjectDefinition[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const object of objects) {
    let name = pascal(object.labelSingular) || pascal(object.name);
    if (taken.has(name)) name = `${name}${pascal(object.name)}`;
    taken.add(name);
    names.set(object.name, name);
  }
  return names;
}

const HISTORY_ENTRY = {
  type: 'object',
  required: ['id', 'changeId', 'operation', 'field', 'oldValue', 'newValue', 'changedAt', 'changedBy'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    changeId: { type: 'string', format: 'uuid', description: 'Groups the rows of one change' },
    operation: { type: 'string', enum: ['create', 'update', 'delete', 'restore'] },
    field: { type: ['string', 'null'] },
    oldValue: {},
    newValue: {},
    changedAt: { type: 'string', format: 'date-time' },
    changedBy: { type: ['string', 'null'] },
  },
};

/** Paths and component schemas describing every object's record routes. */
export function objectPaths(objects: readonly ObjectDefinition[]): { paths: Record<string, Record<string, Operation>>; schemas: Record<string, JsonSchema> } {
  const names = schemaNames(objects);
  const paths: Record<string, Record<string, Operation>> = {};
  const schemas: Record<string, JsonSchema> = { HistoryEntry: HISTORY_ENTRY };
  for (const object of objects) {
    const name = names.get(object.name)!;
    const plural = pascal(object.name);
    const { read, create, update } = recordSchemas(object);
    schemas[name] = { ...read, description: object.description ?? object.labelSingular };
    schemas[`${name}Create`] = create;
    schemas[`${name}Update`] = update;
    schemas[`${name}List`] = {
      type: 'object', required: ['data', 'nextCursor'],
      properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${name}` } }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
    };
    const ref = (suffix = '') => ({ $ref: `#/components/schemas/${name}${suffix}` });
    const tags = [object.labelPlural];
    const base = `/api/v1/objects/${object.name}`;
    paths[base] = {
      get: { operationId: `list${plural}`, summary: `List ${object.labelPlural.toLowerCase()}`, tags, parameters: listParams, responses: { 200: json(ref('List')), ...errors(404) } },
      post: {
        operationId: `create${name}`, summary: `Create a ${object.labelSingular.toLowerCase()}`, tags,
        requestBody: { required: true, content: { 'application/json': { schema: ref('Create') } } },
        responses: { 201: { ...json(ref(), 'Created'), headers: etag }, ...errors(409, 413, 415, 422) },
      },
    };
    paths[`${base}/{id}`] = {
      get: { operationId: `get${name}`, summary: `Get a ${object.labelSingular.toLowerCase()}`, tags, parameters: [idParam, fieldsParam], responses: { 200: { ...json(ref()), headers: etag }, ...errors(404) } },
      patch: {
        operationId: `update${name}`, summary: `Update a ${object.labelSingular.toLowerCase()}`, tags, parameters: [idParam, ifMatch],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Update') } } },
        responses: { 200: { ...json(ref()), headers: etag }, ...errors(404, 409, 413, 415, 422) },
      },
      delete: { operationId: `delete${name}`, summary: `Move a ${object.labelSingular.toLowerCase()} to the trash`, tags, parameters: [idParam, ifMatch], responses: { 200: json(ref(), 'The trashed record'), ...errors(404, 409) } },
    };
    paths[`${base}/{id}/restore`] = {
      post: { operationId: `restore${name}`, summary: `Restore a ${object.labelSingular.toLowerCase()} from the trash`, tags, parameters: [idParam, ifMatch], responses: { 200: json(ref()), ...errors(404, 409) } },
    };
    paths[`${base}/{id}/history`] = {
      get: {
        operationId: `get${name}History`, summary: 'Field-level history, newest first', tags,
        parameters: [idParam, { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT } }, { name: 'cursor', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } }],
        responses: { 200: json({ type: 'object', required: ['data', 'nextCursor'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/HistoryEntry' } }, nextCursor: { type: ['string', 'null'] } } }), ...errors(404) },
      },
    };
    paths[`${base}/batch`] = {
      post: {
        operationId: `batch${plural}`, summary: `Create or update up to ${MAX_BATCH} ${object.labelPlural.toLowerCase()}, all or none`, tags,
        requestBody: { required: true, content: { 'application/json': { schema: {
          oneOf: [
            { type: 'object', required: ['operation', 'records'], additionalProperties: false, properties: { operation: { const: 'create' }, records: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: ref('Create') } } },
            { type: 'object', required: ['operation', 'records'], additionalProperties: false, properties: { operation: { const: 'update' }, records: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: { allOf: [ref('Update'), { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer' } } }] } } } },
          ],
        } } } },
        responses: { 200: json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: ref() } } }), ...errors(409, 413, 415, 422) },
      },
    };
    const keys = upsertKeys(object);
    if (keys.length) {
      paths[`${base}/upsert`] = {
        post: {
          operationId: `upsert${plural}`, summary: `Create or update ${object.labelPlural.toLowerCase()} matched on a unique field`, tags,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['key', 'records'], additionalProperties: false, properties: { key: { type: 'string', enum: keys }, records: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: ref('Update') } } } } } },
          responses: { 200: json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: { type: 'object', required: ['record', 'created'], properties: { record: ref(), created: { type: 'boolean' } } } } } }), ...errors(409, 413, 415, 422) },
        },
      };
    }
  }
  return { paths, schemas };
}
