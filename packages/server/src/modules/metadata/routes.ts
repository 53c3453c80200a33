// /api/v1/metadata: the object definitions of the workspace, and the admin API for custom
// fields and custom objects.
import type { FieldDefinition, ObjectDefinition } from '@rapport/core';
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { problemResponses } from '../../http/conventions.js';
import { API_NAME, FieldChange, FieldDescription, NewField, NewObject, ObjectChange, ObjectDescription } from './schema.js';
import type { MetadataService } from './service.js';

const ObjectParams = Type.Object({ object: Type.String({ pattern: API_NAME }) });
const FieldParams = Type.Object({ object: Type.String({ pattern: API_NAME }), field: Type.String({ pattern: API_NAME }) });
const tags = ['Metadata'];

/** A field as the API describes it: storage details of collections and joins left out. */
export function describeField(field: FieldDefinition): Record<string, unknown> {
  const { relation, collection, ...rest } = field;
  return {
    ...rest,
    ...(relation ? { relation: { name: relation.name, target: relation.target, cardinality: relation.cardinality } } : {}),
    ...(collection ? { collection: { fields: collection.fields.map(describeField) } } : {}),
  };
}

export function describeObject(object: ObjectDefinition) {
  return {
    name: object.name, labelSingular: object.labelSingular, labelPlural: object.labelPlural,
    ...(object.description ? { description: object.description } : {}),
    isCustom: Boolean(object.isCustom), displayField: object.displayField, fields: object.fields.map(describeField),
  };
}

export function metadataRoutes(metadata: MetadataService): FastifyPluginAsync {
  return async (app) => {
    app.get('/metadata/objects', { config: { access: 'authenticated' },
      schema: { tags, operationId: 'listObjects', summary: 'Every object of the workspace with its fields', response: { 200: Type.Object({ data: Type.Array(ObjectDescription) }), ...problemResponses() } },
    }, async (request) => ({ data: request.ctx.objects.list().map(describeObject) }));

    app.get<{ Params: Static<typeof ObjectParams> }>('/metadata/objects/:object', { config: { access: 'authenticated' },
      schema: { tags, operationId: 'getObject', summary: 'One object with its fields', params: ObjectParams, response: { 200: ObjectDescription, ...problemResponses(404) } },
    }, async (request) => describeObject(metadata.object(request.ctx, request.params.object)));

    app.post<{ Body: NewObject }>('/metadata/objects', { config: { access: 'admin' },
      schema: { tags, operationId: 'createObject', summary: 'Create a custom object', body: NewObject, response: { 201: ObjectDescription, ...problemResponses(409) } },
    }, async (request, reply) => {
      await metadata.createObject(request.ctx, request.body);
      return reply.status(201).send(describeObject(await metadata.current(request.ctx, request.body.name)));
    });

    app.patch<{ Params: Static<typeof ObjectParams>; Body: ObjectChange }>('/metadata/objects/:object', { config: { access: 'admin' },
      schema: { tags, operationId: 'updateObject', summary: 'Relabel a custom object', params: ObjectParams, body: ObjectChange, response: { 200: ObjectDescription, ...problemResponses(404, 422) } },
    }, async (request) => {
      await metadata.updateObject(request.ctx, request.params.object, request.body);
      return describeObject(await metadata.current(request.ctx, request.params.object));
    });

    app.delete<{ Params: Static<typeof ObjectParams> }>('/metadata/objects/:object', { config: { access: 'admin' },
      schema: { tags, operationId: 'deleteObject', summary: 'Delete a custom object (its records are kept and come back on restore)', params: ObjectParams, response: { 204: Type.Null(), ...problemResponses(404, 422) } },
    }, async (request, reply) => {
      await metadata.deleteObject(request.ctx, request.params.object);
      return reply.status(204).send();
    });

    app.post<{ Params: Static<typeof ObjectParams> }>('/metadata/objects/:object/restore', { config: { access: 'admin' },
      schema: { tags, operationId: 'restoreObject', summary: 'Restore a deleted custom object', params: ObjectParams, response: { 200: ObjectDescription, ...problemResponses(404, 409) } },
    }, async (request) => {
      await metadata.restoreObject(request.ctx, request.params.object);
      return describeObject(await metadata.current(request.ctx, request.params.object));
    });

    app.post<{ Params: Static<typeof ObjectParams>; Body: NewField }>('/metadata/objects/:object/fields', { config: { access: 'admin' },
      schema: { tags, operationId: 'createField', summary: 'Add a custom field; usable at once', params: ObjectParams, body: NewField, response: { 201: FieldDescription, ...problemResponses(404, 409) } },
    }, async (request, reply) => reply.status(201).send(describeField(await metadata.createField(request.ctx, request.params.object, request.body))));

    app.get<{ Params: Static<typeof ObjectParams> }>('/metadata/objects/:object/deleted-fields', { config: { access: 'admin' },
      schema: { tags, operationId: 'listDeletedFields', summary: 'Deleted custom fields whose data is kept until purged', params: ObjectParams, response: { 200: Type.Object({ data: Type.Array(FieldDescription) }), ...problemResponses(404) } },
    }, async (request) => ({ data: (await metadata.deletedFields(request.ctx, request.params.object)).map(describeField) }));

    app.patch<{ Params: Static<typeof FieldParams>; Body: FieldChange }>('/metadata/objects/:object/fields/:field', { config: { access: 'admin' },
      schema: { tags, operationId: 'updateField', summary: 'Change a custom field (its name and type are fixed)', params: FieldParams, body: FieldChange, response: { 200: FieldDescription, ...problemResponses(404, 422) } },
    }, async (request) => describeField(await metadata.updateField(request.ctx, request.params.object, request.params.field, request.body)));

    app.delete<{ Params: Static<typeof FieldParams> }>('/metadata/objects/:object/fields/:field', { config: { access: 'admin' },
      schema: { tags, operationId: 'deleteField', summary: 'Delete a custom field; its values are kept until purged', params: FieldParams, response: { 204: Type.Null(), ...problemResponses(404) } },
    }, async (request, reply) => {
      await metadata.deleteField(request.ctx, request.params.object, request.params.field);
      return reply.status(204).send();
    });

    app.post<{ Params: Static<typeof FieldParams> }>('/metadata/objects/:object/fields/:field/restore', { config: { access: 'admin' },
      schema: { tags, operationId: 'restoreField', summary: 'Restore a deleted custom field with its values', params: FieldParams, response: { 200: FieldDescription, ...problemResponses(404, 409) } },
    }, async (request) => describeField(await metadata.restoreField(request.ctx, request.params.object, request.params.field)));

    app.post<{ Params: Static<typeof FieldParams> }>('/metadata/objects/:object/fields/:field/purge', { config: { access: 'admin' },
      schema: { tags, operationId: 'purgeField', summary: 'Erase a deleted field and its values for good', params: FieldParams, response: { 200: Type.Object({ purgedRecords: Type.Integer() }), ...problemResponses(404) } },
    }, async (request) => metadata.purgeField(request.ctx, request.params.object, request.params.field));
  };
}
