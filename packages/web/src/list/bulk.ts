// The work behind a list's bulk actions: finding the records a selection stands for, updating
// them through the batch API in all-or-nothing chunks of 1,000 (naming the row and field the
// server refused), moving them to the trash or back, and exporting them as CSV.
import { ApiProblem, describeError } from '../api/problem';
import { batchUpdate, exportUrl, listRecords, quote } from '../api/records';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { isStaleMove, moveRecord, type TrashMove } from '../record/trash';

/** Records per batch call: the API's limit; each call is all or nothing. */
export const BATCH_CHUNK = 1000;
/** Ids per `id in (…)` filter: keeps the filter inside the API's 10,000 characters. */
const IDS_PER_FILTER = 200;
const PAGE = 500;
const PARALLEL_DELETES = 4;

/** A selection as the API sees it: picked ids, or everything a filter matches. */
export type Target = { ids: string[] } | { filter: string; trashed?: boolean };

export interface RowProblem {
  id: string;
  name: string;
  field?: string;
  message: string;
}

export interface BulkOutcome {
  done: number;
  total: number;
  problems: RowProblem[];
  /** Set when the work stopped early: what was and was not changed. */
  stoppedBecause?: string;
}

export type Progress = (done: number, total: number) => void;

export const idFilter = (ids: string[]) => `id in (${ids.map(quote).join(', ')})`;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** The current id, version and the given fields of every record of a target, in list order. */
export async function fetchTargets(definition: ObjectDescription, target: Target, fields: string[] = [], onProgress?: Progress): Promise<RecordValues[]> {
  const wanted = [...new Set(['id', 'version', definition.displayField, ...fields])];
  const found: RecordValues[] = [];
  if ('ids' in target) {
    for (const part of chunks(target.ids, IDS_PER_FILTER)) {
      const page = await listRecords(definition.name, { filter: idFilter(part), fields: wanted, limit: IDS_PER_FILTER });
      found.push(...page.data);
      onProgress?.(found.length, target.ids.length);
    }
    return found;
  }
  let cursor: string | undefined;
  let total: number | undefined;
  do {
    const page = await listRecords(definition.name, { filter: target.filter || undefined, trashed: target.trashed, fields: wanted, limit: PAGE, cursor, total: cursor === undefined });
    total ??= page.total;
    found.push(...page.data);
    onProgress?.(found.length, total ?? found.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

const nameOf = (definition: ObjectDescription, record: RecordValues | undefined, id: string) =>
  String(record?.[definition.displayField] ?? '') || `${definition.labelSingular} ${id.slice(0, 8)}`;

function fieldLabel(definition: ObjectDescription, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return definition.fields.find((field) => field.name === name)?.label ?? name;
}

/**
 * Writes `changeOf(record)` to every record, 1,000 per batch call; stops at the first refused
 * chunk (nothing of that chunk is written) and names each row and field the server refused.
 */
export async function updateInChunks(definition: ObjectDescription, records: RecordValues[], changeOf: (record: RecordValues) => Record<string, unknown>, onProgress?: Progress): Promise<BulkOutcome> {
  let done = 0;
  const parts = chunks(records, BATCH_CHUNK);
  for (const [number, part] of parts.entries()) {
    try {
      await batchUpdate(definition.name, part.map((record) => ({ id: record.id, version: record.version, ...changeOf(record) })));
      done += part.length;
      onProgress?.(done, records.length);
    } catch (error) {
      const problems: RowProblem[] = error instanceof ApiProblem && error.errors.some((item) => item.index !== undefined)
        ? error.errors.filter((item) => item.index !== undefined).map((item) => {
          const record = part[item.index!];
          const message = item.field === 'version' && error.isConflict ? 'changed by someone else since the list was loaded' : item.message;
          return { id: record?.id ?? '', name: nameOf(definition, record, record?.id ?? ''), field: fieldLabel(definition, item.field), message };
        })
        : [{ id: '', name: `Records ${number * BATCH_CHUNK + 1}–${number * BATCH_CHUNK + part.length}`, message: describeError(error) }];
      const rest = records.length - done - part.length;
      const stoppedBecause = `${done ? `${done.toLocaleString()} updated. ` : ''}None of the ${part.length.toLocaleString()} records of the refused batch was changed${rest > 0 ? `, and the remaining ${rest.toLocaleString()} were not tried` : ''}.`;
      return { done, total: records.length, problems, stoppedBecause };
    }
  }
  return { done, total: records.length, problems: [] };
}

/** Moves each record to the trash (or back with `restore`), a few at a time; a refusal skips that record only. */
export async function trashEach(definition: ObjectDescription, records: RecordValues[], mode: TrashMove, onProgress?: Progress): Promise<BulkOutcome> {
  let done = 0;
  let next = 0;
  const problems: RowProblem[] = [];
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++];
      try {
        await moveRecord(definition.name, record, mode);
        done++;
      } catch (error) {
        const message = isStaleMove(error) ? 'changed by someone else since the list was loaded' : describeError(error);
        problems.push({ id: record.id, name: nameOf(definition, record, record.id), message });
      }
      onProgress?.(done + problems.length, records.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DELETES, records.length) }, worker));
  return { done, total: records.length, problems };
}

/** The value a tag change leaves on one record's tag field. */
export function retag(record: RecordValues, field: FieldDescription, tagId: string, mode: 'add' | 'remove'): string[] {
  const current = Array.isArray(record[field.name]) ? (record[field.name] as string[]) : [];
  return mode === 'add' ? [...new Set([...current, tagId])] : current.filter((id) => id !== tagId);
}

/** The tag relation of an object (people, companies, deals, cases), if it has one. */
export function tagField(definition: ObjectDescription): FieldDescription | undefined {
  return definition.fields.find((field) => field.type === 'relation' && field.relation?.target === 'tags' && field.relation.cardinality === 'many' && !field.isReadOnly);
}

function save(blob: Blob | string, filename: string) {
  const anchor = document.createElement('a');
  const url = typeof blob === 'string' ? blob : URL.createObjectURL(blob);
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  if (typeof blob !== 'string') setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the CSV of a list: everything its filter matches through the export route itself,
 * or picked records through `id in (…)` filters, 200 ids per request, joined under one header.
 */
export async function exportCsv(definition: ObjectDescription, target: Target, sort: string | undefined, columns: string[]): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  if (!('ids' in target)) {
    save(exportUrl(definition.name, { filter: target.filter || undefined, sort, fields: columns }), `${definition.name}-${stamp}.csv`);
    return;
  }
  let csv = '';
  for (const part of chunks(target.ids, IDS_PER_FILTER)) {
    const response = await fetch(exportUrl(definition.name, { filter: idFilter(part), sort, fields: columns }), { credentials: 'same-origin' });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new ApiProblem({ status: response.status, ...body });
    }
    const text = await response.text();
    // The header is the first line (field names hold no line breaks); later parts drop theirs.
    csv += csv ? text.slice(text.indexOf('\n') + 1) : text;
  }
  save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${definition.name}-${stamp}.csv`);
}
