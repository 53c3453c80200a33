// Shared pieces of the HTTP API: versions in ETag / If-Match, the problem schema, common params.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ValidationFailed } from '../errors.js';

/** `"3"`, `W/"3"` or `3` → 3; absent → undefined; anything else → 400. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(String(header));
  if (!match) throw new ValidationFailed([{ field: 'If-Match', message: 'must be the ETag of the record, such as "3"' }]);
  return Number(match[1]);
}

/** Sends a record with its ETag. */
export function sendRecord(reply: FastifyReply, record: Record<string, unknown>, status = 200) {
  return reply.status(status).header('etag', `"${record.version}"`).send(record);
}

export const ProblemSchema = Type.Object({
  type: Type.String({ description: 'urn:rapport:problem:<code>, stable' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.String(),
  requestId: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({
    field: Type.String(),
    message: Type.String(),
    index: Type.Optional(Type.Integer()),
    position: Type.Optional(Type.Integer()),
  }))),
}, { $id: 'Problem', description: 'RFC 9457 problem details' });

export const Id = Type.String({ format: 'uuid' });
export const ObjectName = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,62}$', description: 'API name of the object, such as people' });

/** The error responses every authenticated route may give. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries([400, 401, ...statuses].map((status) => [status, { $ref: 'Problem#' }]));
