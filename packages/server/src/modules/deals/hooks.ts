// Deal behaviour on the record engine: a deal's status and probability follow its stage, a lost
// deal needs a reason, and every stage change is recorded with the time spent in the stage.
import type { CreateEvent, ObjectHooks, UpdateEvent } from '../../engine/hooks.js';
import { BusinessRule, ValidationFailed } from '../../errors.js';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../../engine/context.js';
import type { RecordValues } from '../../engine/codec.js';

interface Stage {
  id: string;
  pipelineId: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

async function stageOf(ctx: RequestContext, id: string): Promise<Stage> {
  const row = await ctx.db.selectFrom('stages').select(['id', 'pipeline_id', 'probability', 'kind']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new ValidationFailed([{ field: 'stageId', message: `no stage with id ${id}` }]);
  return { id: row.id, pipelineId: row.pipeline_id, probability: Number(row.probability), kind: row.kind };
}

/** Derives the fields that follow the stage; refuses a stage of another pipeline or a loss without reason. */
async function applyStage(ctx: RequestContext, record: RecordValues, now: string, entering: boolean): Promise<Stage> {
  const stage = await stageOf(ctx, record.stageId as string);
  if (record.pipelineId == null) record.pipelineId = stage.pipelineId;
  if (record.pipelineId !== stage.pipelineId) {
    throw new ValidationFailed([{ field: 'stageId', message: `the stage belongs to pipeline ${stage.pipelineId}, not ${record.pipelineId}` }]);
  }
  if (stage.kind === 'lost' && !record.lostReason) throw new BusinessRule('a lost deal needs a lostReason', [{ field: 'lostReason', message: 'is required when a deal is lost' }]);
  record.status = stage.kind;
  record.probability = stage.probability;
  if (entering) {
    record.stageEnteredAt = now;
    record.closedAt = stage.kind === 'open' ? null : now;
  }
  if (record.amount != null && record.currency == null) record.currency = ctx.defaultCurrency;
  return stage;
}

async function enterStage(ctx: RequestContext, deal: RecordValues, fromStageId: string | null, at: string): Promise<void> {
  if (fromStageId) {
    const open = await ctx.db.selectFrom('deal_stage_history').select(['id', 'entered_at']).where('deal_id', '=', deal.id as string).where('exited_at', 'is', null).execute();
    for (const row of open) {
      await ctx.db.updateTable('deal_stage_history').set({ exited_at: at, duration_ms: Date.parse(at) - Date.parse(row.entered_at) }).where('id', '=', row.id).execute();
    }
  }
  const reason = deal.status === 'lost' ? deal.lostReason : deal.status === 'won' ? deal.wonReason : null;
  await ctx.db.insertInto('deal_stage_history').values({
    id: uuidv7(), deal_id: deal.id, pipeline_id: deal.pipelineId, stage_id: deal.stageId, from_stage_id: fromStageId,
    entered_at: at, exited_at: null, duration_ms: null, moved_by: ctx.actor, reason: reason ?? null,
  }).execute();
}

export const dealHooks: ObjectHooks = {
  async beforeCreate({ ctx, record }: CreateEvent) {
    await applyStage(ctx, record, record.createdAt as string, true);
  },
  async afterCreate({ ctx, record }: CreateEvent) {
    await enterStage(ctx, record, null, record.createdAt as string);
  },
  async beforeUpdate({ ctx, record, previous }: UpdateEvent) {
    const moved = record.stageId !== previous.stageId || record.pipelineId !== previous.pipelineId;
    if (moved && record.stageId === previous.stageId) {
      throw new ValidationFailed([{ field: 'stageId', message: 'moving a deal to another pipeline needs a stage of that pipeline' }]);
    }
    await applyStage(ctx, record, new Date().toISOString(), moved);
  },
  async afterUpdate({ ctx, record, previous, changes }: UpdateEvent) {
    if (changes.has('stageId')) await enterStage(ctx, record, previous.stageId as string, record.updatedAt as string);
  },
};
