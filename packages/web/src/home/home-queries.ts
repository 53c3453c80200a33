// What the home page reads, all through the records list API in the filter language: the
// signed-in user's open tasks due by the end of today, their open deals, the open deals of the
// default pipeline, and the latest interactions and notes.
import { listRecords, quote, type ListQuery } from '../api/records';
import type { RecordValues } from '../api/types';

/** Deals read for one figure at most; past this the card says it shows only part. */
export const DEALS_READ_LIMIT = 5000;
const PAGE = 500;

/** Every page of a list, up to `cap` records. */
export async function listAll(object: string, query: ListQuery, signal: AbortSignal, cap = DEALS_READ_LIMIT): Promise<{ records: RecordValues[]; isPartial: boolean }> {
  const records: RecordValues[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(object, { ...query, limit: PAGE, cursor }, signal);
    records.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && records.length < cap);
  return { records, isPartial: Boolean(cursor) };
}

/** Local midnight at the start of `date`'s day and of the next: "today" is the user's own day. */
export function dayBounds(date = new Date()): { start: Date; end: Date } {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const end = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
  return { start, end };
}

export const OPEN_TASK_STATUSES = ['open', 'inProgress'];

/** The filter for a user's unfinished tasks due before `end` (today's and overdue ones). */
export function myTasksFilter(userId: string, end: Date): string {
  return `assigneeId = ${quote(userId)} and status in (${OPEN_TASK_STATUSES.map(quote).join(', ')}) and dueAt < ${quote(end.toISOString())}`;
}

export function fetchMyTasks(userId: string, end: Date, signal: AbortSignal) {
  return listRecords('tasks', { filter: myTasksFilter(userId, end), sort: 'dueAt', fields: ['id', 'title', 'dueAt', 'status', 'priority'], limit: 50, total: true }, signal);
}

export const myDealsFilter = (userId: string) => `ownerId = ${quote(userId)} and status = "open"`;

export function fetchMyOpenDeals(userId: string, signal: AbortSignal) {
  return listAll('deals', { filter: myDealsFilter(userId), fields: ['id', 'stageId', 'amount', 'currency'] }, signal);
}

/** Pipelines (default first) and their stages in board order. */
export async function fetchPipelines(signal: AbortSignal) {
  const [pipelines, stages] = await Promise.all([
    listRecords('pipelines', { sort: 'position,name', limit: 200 }, signal).then((page) => page.data),
    listAll('stages', { sort: 'position' }, signal, 2000).then((result) => result.records),
  ]);
  const defaultPipeline = pipelines.find((pipeline) => pipeline.isDefault === true) ?? pipelines[0];
  return { pipelines, stages, defaultPipeline };
}

export function fetchPipelineOpenDeals(pipelineId: string, signal: AbortSignal) {
  return listAll('deals', { filter: `pipelineId = ${quote(pipelineId)} and status = "open"`, fields: ['id', 'stageId', 'amount', 'currency'] }, signal);
}

/** An interaction or a note, as the activity feed shows it. */
export interface Activity {
  object: 'interactions' | 'notes';
  id: string;
  at: string;
  title: string;
  kind: string;
  /** The record it concerns, for "with Ada Lovelace". */
  about?: { object: string; id: string };
  record: RecordValues;
}

const ABOUT: [string, string][] = [['personId', 'people'], ['companyId', 'companies'], ['dealId', 'deals'], ['caseId', 'cases']];

function aboutOf(record: RecordValues): Activity['about'] {
  for (const [field, object] of ABOUT) if (typeof record[field] === 'string') return { object, id: record[field] as string };
  return undefined;
}

/** The latest `count` interactions and notes among those the user may read, newest first. */
export async function fetchRecentActivity(objects: { interactions: boolean; notes: boolean }, count: number, signal: AbortSignal): Promise<Activity[]> {
  const links = ABOUT.map(([field]) => field);
  const [interactions, notes] = await Promise.all([
    objects.interactions
      ? listRecords('interactions', { sort: '-occurredAt', fields: ['id', 'subject', 'channel', 'direction', 'occurredAt', ...links.filter((field) => field !== 'personId')], limit: count }, signal).then((page) => page.data)
      : [],
    objects.notes
      ? listRecords('notes', { sort: '-createdAt', fields: ['id', 'title', 'body', 'createdAt', ...links], limit: count }, signal).then((page) => page.data)
      : [],
  ]);
  const activities: Activity[] = [
    ...interactions.map((record): Activity => ({
      object: 'interactions', id: record.id, at: String(record.occurredAt), title: String(record.subject || 'Untitled interaction'), kind: String(record.channel ?? 'interaction'), about: aboutOf(record), record,
    })),
    ...notes.map((record): Activity => ({
      object: 'notes', id: record.id, at: String(record.createdAt), title: String(record.title || firstLine(record.body) || 'Untitled note'), kind: 'note', about: aboutOf(record), record,
    })),
  ];
  return activities.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, count);
}

function firstLine(body: unknown): string {
  return typeof body === 'string' ? body.split('\n')[0].slice(0, 120) : '';
}

/** Sums of amounts (minor units) per currency. */
export function sumByCurrency(deals: RecordValues[], fallbackCurrency: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    if (typeof deal.amount !== 'number') continue;
    const currency = String(deal.currency || fallbackCurrency);
    sums.set(currency, (sums.get(currency) ?? 0) + deal.amount);
  }
  return sums;
}
