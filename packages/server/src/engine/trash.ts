// Deleting to the trash and restoring from it. A trashed record keeps its data and links; it
// disappears from lists, relations and filters until restored.
import type { ObjectDefinition } from '@rapport/core';
import { Conflict, NotFound, VersionConflict } from '../errors.js';
import type { RecordValues } from './codec.js';
import { withTransaction, type RequestContext } from './context.js';
import { writeHistory } from './history.js';
import type { HookRegistry } from './hooks.js';
import { checkUnique } from './integrity.js';
import { getRecord } from './read.js';
import { storageOf } from './storage.js';
import { lockRecord } from './write.js';

async function moveRecord(
  ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, id: string, expectedVersion: number | undefined, to: 'trash' | 'live',
): Promise<RecordValues> {
  return ctx.dialect.transaction(ctx.db, async (trx) => {
    const tctx = withTransaction(ctx, trx);
    const noun = definition.labelSingular.toLowerCase();
    const locked = await lockRecord(tctx, definition, id, to === 'trash' ? 'live' : 'trashed');
    if (!locked) {
      const elsewhere = await getRecord(tctx, definition, id, { withTrashed: true });
      if (elsewhere && to === 'live') throw new Conflict(`the ${noun} ${id} is not in the trash`);
      throw new NotFound(`no ${noun} with id ${id}`);
    }
    if (expectedVersion !== undefined && expectedVersion !== locked.version) throw new VersionConflict(locked.version);
    const record = (await getRecord(tctx, definition, id, { withTrashed: true }))!;
    if (to === 'trash') await hooks.run('beforeDelete', { ctx: tctx, definition, record });
    else await checkUnique(tctx, definition, [{ id, values: record }]);
    const now = new Date().toISOString();
    await tctx.db.updateTable(storageOf(definition).table)
      .set({ deleted_at: to === 'trash' ? now : null, version: locked.version + 1, updated_at: now, updated_by: tctx.actor })
      .where('id', '=', id).execute();
    await writeHistory(tctx, definition, now, [{ recordId: id, operation: to === 'trash' ? 'delete' : 'restore' }]);
    const moved = (await getRecord(tctx, definition, id, { withTrashed: true, reach: 'anyOwner' }))!;
    await hooks.run(to === 'trash' ? 'afterDelete' : 'afterRestore', { ctx: tctx, definition, record: moved });
    return moved;
  });
}

/** Moves a live record to the trash. */
export function deleteRecord(ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, id: string, expectedVersion?: number) {
  return moveRecord(ctx, hooks, definition, id, expectedVersion, 'trash');
}

/** Brings a trashed record back; 409 if a live record took one of its unique values meanwhile. */
export function restoreRecord(ctx: RequestContext, hooks: HookRegistry, definition: ObjectDefinition, id: string, expectedVersion?: number) {
  return moveRecord(ctx, hooks, definition, id, expectedVersion, 'live');
}
