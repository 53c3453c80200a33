// Bulk loading of complete records (demo data, large imports): the same row mapping as the
// engine, straight to the database's fastest path (multi-row inserts in one transaction on
// SQLite, COPY on PostgreSQL). No hooks, no history: callers hand in finished records.
// The workspace comes from the context; rows cannot name another one.
import type { ObjectDefinition } from '@rapport/core';
import { recordToRow, type RecordValues } from './codec.js';
import type { RequestContext } from './context.js';
import { storageOf } from './storage.js';

/** Tables besides record tables that bulk loads may fill. */
const PLAIN_TABLES = new Set(['deal_stage_history', 'record_history']);

export class BulkLoader {
  constructor(private readonly ctx: RequestContext) {}

  private async append(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]).filter((column) => column !== 'workspace_id');
    const workspaceId = this.ctx.workspaceId;
    await this.ctx.dialect.bulkInsert(table, ['workspace_id', ...columns], rows.map((row) => [workspaceId, ...columns.map((column) => row[column] ?? null)]));
  }

  /**
   * Appends complete records of an object: every field present, ids and system fields set,
   * computed fields (fullName, totals, status) already filled in.
   * @example await new BulkLoader(ctx).records(people, [{ id, version: 1, firstName: 'Ada', ... }]);
   */
  async records(definition: ObjectDefinition, records: readonly RecordValues[]): Promise<void> {
    const { dialect } = this.ctx;
    const storage = storageOf(definition);
    await this.append(storage.table, records.map((record) => ({ custom: dialect.toDb({}, 'json'), ...recordToRow(dialect, definition, record) })));
    for (const [name, place] of storage.fields) {
      if (place.kind === 'join') {
        const { table, sourceColumn, targetColumn, objectColumn } = place.through;
        await this.append(table, records.flatMap((record) => ((record[name] as string[] | null) ?? []).map((id) => ({
          [sourceColumn]: record.id, [targetColumn]: id, ...(objectColumn ? { [objectColumn]: place.object } : {}),
        }))));
      } else if (place.kind === 'children') {
        await this.append(place.collection.table, records.flatMap((record) => ((record[name] as RecordValues[] | null) ?? []).map((item, position) => {
          const row: Record<string, unknown> = { id: item.id, [place.collection.parentColumn]: record.id, position };
          for (const [itemName, column] of place.items) row[column.column] = dialect.toDb(item[itemName] ?? null, column.storage);
          return row;
        })));
      }
    }
  }

  /** Appends rows to a non-record table the engine owns (stage history), in snake_case. */
  async rows(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!PLAIN_TABLES.has(table)) throw new Error(`bulk loads do not write ${table}`);
    await this.append(table, rows);
  }
}
