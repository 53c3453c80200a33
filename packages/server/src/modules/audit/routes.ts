// GET /api/v1/audit: the workspace's audit log, for admins. There is no route that changes it.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { Id } from '../../http/conventions.js';
import type { AuditService } from './service.js';

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[A-Za-z.]+(\\.\\*)?$', description: 'An action, or a family such as `signIn.*`' })),
  actor: Type.Optional(Type.String({ maxLength: 200, description: '`user:<id>`, `apiKey:<id>`, `system` or `anonymous`' })),
  targetId: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Id),
}, { additionalProperties: false });

export function auditRoutes(audit: AuditService): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Static<typeof AuditQuery> }>('/audit', {
      schema: { tags: ['Audit'], summary: 'The audit log, newest first', querystring: AuditQuery },
      config: { access: { object: 'audit', action: 'read' } },
    }, (request) => audit.list(request.ctx.workspaceId, { ...request.query, limit: request.query.limit ?? 50 }));
  };
}
