// Records of any object through /api/v1/objects, the deal move, and a record's timeline.
import { buildUrl, request } from './http';
import type { HistoryEntry, ObjectDescription, Page, RecordValues, TimelineEntry } from './types';

export interface ListQuery {
  filter?: string;
  sort?: string;
  fields?: string[];
  limit?: number;
  cursor?: string;
  total?: boolean;
  /** List the trash instead of live records. */
  trashed?: boolean;
}

export const listObjects = () => request<{ data: ObjectDescription[] }>('/metadata/objects').then((body) => body.data);

export function listRecords(object: string, query: ListQuery, signal?: AbortSignal) {
  return request<Page>(`/objects/${object}`, {
    query: { filter: query.filter, sort: query.sort, fields: query.fields?.join(','), limit: query.limit, cursor: query.cursor, total: query.total || undefined, trashed: query.trashed || undefined },
    signal,
  });
}

export const getRecord = (object: string, id: string, signal?: AbortSignal) => request<RecordValues>(`/objects/${object}/${id}`, { signal });

export const createRecord = (object: string, values: Record<string, unknown>) =>
  request<RecordValues>(`/objects/${object}`, { method: 'POST', body: values });

export const updateRecord = (object: string, id: string, changes: Record<string, unknown>, version: number) =>
  request<RecordValues>(`/objects/${object}/${id}`, { method: 'PATCH', body: changes, ifMatch: version });

/** Updates up to 1,000 records in one all-or-nothing call; each change carries `id` and, to refuse stale rows, `version`. */
export const batchUpdate = (object: string, changes: Record<string, unknown>[]) =>
  request<{ data: RecordValues[] }>(`/objects/${object}/batch`, { method: 'POST', body: { operation: 'update', records: changes } }).then((body) => body.data);

/** Moves a record to the trash. */
export const deleteRecord = (object: string, id: string, version?: number) =>
  request<RecordValues>(`/objects/${object}/${id}`, { method: 'DELETE', ifMatch: version });

export const restoreRecord = (object: string, id: string, version?: number) =>
  request<RecordValues>(`/objects/${object}/${id}/restore`, { method: 'POST', ifMatch: version });

/** The CSV export of a list: the same filter and sort, its columns in order. */
export const exportUrl = (object: string, query: { filter?: string; sort?: string; fields?: string[] }) =>
  buildUrl(`/objects/${object}/export`, { filter: query.filter, sort: query.sort, fields: query.fields?.join(',') });

export const moveDeal = (id: string, stageId: string, version: number, reasons: { lostReason?: string; wonReason?: string } = {}) =>
  request<RecordValues>(`/deals/${id}/move`, { method: 'POST', body: { stageId, ...reasons }, ifMatch: version });

/** A page of a record's timeline, newest first; `kinds` (note, task, change, …) narrows it, none means all. */
export const timelinePage = (object: string, id: string, options: { cursor?: string; kinds?: readonly string[] } = {}, signal?: AbortSignal) =>
  request<Page<TimelineEntry>>(`/objects/${object}/${id}/timeline`, { query: { cursor: options.cursor, limit: 30, kinds: options.kinds?.length ? options.kinds.join(',') : undefined }, signal });

/** A page of a record's field-level history, newest first; trashed records have one too. */
export const historyPage = (object: string, id: string, cursor?: string, signal?: AbortSignal) =>
  request<Page<HistoryEntry>>(`/objects/${object}/${id}/history`, { query: { cursor, limit: 50 }, signal });

/** A filter-language string literal. */
export const quote = (value: string) => JSON.stringify(value);
