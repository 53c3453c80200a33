// The deals module's door: moving a deal through its pipeline and reading its stage history.
import type { RequestContext } from '../../engine/context.js';
import type { RecordEngine } from '../../engine/engine.js';

export interface StageVisit {
  id: string;
  stageId: string;
  fromStageId: string | null;
  pipelineId: string;
  enteredAt: string;
  exitedAt: string | null;
  /** Milliseconds in the stage; for the current stage, until now. */
  timeInStageMs: number;
  movedBy: string | null;
  reason: string | null;
}

export interface MoveDeal {
  stageId: string;
  lostReason?: string;
  wonReason?: string;
}

export class DealService {
  constructor(private readonly engine: RecordEngine) {}

  /**
   * Moves a deal to a stage (its hooks record the visit, status and close time).
   * @example await deals.move(ctx, dealId, { stageId: lost.id, lostReason: 'Went with a competitor' }, 4);
   */
  move(ctx: RequestContext, dealId: string, move: MoveDeal, expectedVersion?: number) {
    return this.engine.update(ctx, 'deals', dealId, move, expectedVersion);
  }

  /** The stages a deal went through, oldest first. */
  async stageHistory(ctx: RequestContext, dealId: string): Promise<StageVisit[]> {
    await this.engine.get(ctx, 'deals', dealId, { fields: 'id' }); // 404 for an unknown deal
    const rows = await ctx.db.selectFrom('deal_stage_history').selectAll().where('deal_id', '=', dealId).orderBy('entered_at').orderBy('id').execute();
    const now = Date.now();
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stage_id,
      fromStageId: row.from_stage_id,
      pipelineId: row.pipeline_id,
      enteredAt: row.entered_at,
      exitedAt: row.exited_at,
      timeInStageMs: row.duration_ms != null ? Number(row.duration_ms) : now - Date.parse(row.entered_at),
      movedBy: row.moved_by,
      reason: row.reason,
    }));
  }
}
