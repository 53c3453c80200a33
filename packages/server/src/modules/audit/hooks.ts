// Deleting a record to the trash and restoring it are audited, in the same transaction, for
// every object.
import type { ObjectHooks } from '../../engine/hooks.js';
import type { AuditService } from './service.js';

export function auditHooks(audit: AuditService): ObjectHooks {
  return {
    async afterDelete({ ctx, definition, record }) {
      await audit.record(ctx.workspaceId, { action: 'record.deleted', actor: ctx.actor, targetType: definition.name, targetId: record.id as string }, ctx.db);
    },
    async afterRestore({ ctx, definition, record }) {
      await audit.record(ctx.workspaceId, { action: 'record.restored', actor: ctx.actor, targetType: definition.name, targetId: record.id as string }, ctx.db);
    },
  };
}
