// A list grouped by a select field: one group per choice (and one for no value), each with its
// count (`total=true`, one small request per group) and its own cursor pages, fetched only
// while the group is open and as the user scrolls to its end.
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { listRecords, quote } from '../api/records';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { fetchRelationLabels } from '../fields/relation-labels';
import type { RelationLabels } from '../fields/format';
import { PAGE_SIZE, type LabelledPage } from './use-record-pages';
import type { ListView } from './view-params';

export interface RecordGroup {
  key: string;
  label: string;
  /** The group's condition in the filter language. */
  filter: string;
  count?: number;
  /** The group of records with no value in the field. */
  isNoValue: boolean;
  isCollapsed: boolean;
  rows: RecordValues[];
  hasMore: boolean;
}

/** Select fields a list can be grouped by. */
export function groupableFields(definition: ObjectDescription): FieldDescription[] {
  return definition.fields.filter((field) => field.type === 'select' && (field.choices?.length ?? 0) > 0);
}

const EMPTY = '\u0000empty';

function groupsOf(field: FieldDescription) {
  return [
    ...(field.choices ?? []).map((choice) => ({ key: choice.value, label: choice.label, filter: `${field.name} = ${quote(choice.value)}`, isNoValue: false })),
    { key: EMPTY, label: `No ${field.label.toLowerCase()}`, filter: `${field.name} isEmpty`, isNoValue: true },
  ];
}

const within = (viewFilter: string, groupFilter: string) => (viewFilter.trim() ? `(${viewFilter.trim()}) and ${groupFilter}` : groupFilter);

export function groupKeyPrefix(object: string) {
  return ['group', object] as const;
}

export function useGroupedRecords(definition: ObjectDescription, objects: ObjectDescription[], view: ListView, groupBy: FieldDescription | undefined, isTrash: boolean) {
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => (groupBy ? groupsOf(groupBy) : []), [groupBy]);
  const shown = definition.fields.filter((field) => view.columns.includes(field.name));
  const fields = [...new Set(['id', 'version', definition.displayField, ...view.columns, ...(shown.some((field) => field.type === 'currency') && definition.fields.some((field) => field.name === 'currency') ? ['currency'] : [])])];
  const viewKey = { columns: view.columns, sort: view.sort, filter: view.filter.trim(), isTrash, groupBy: groupBy?.name };
  // How many pages of each group to show; another view starts again from one page each.
  const [wantedState, setWantedState] = useState<{ view: string; pages: Record<string, number> }>({ view: '', pages: {} });
  const pagesWanted = wantedState.view === JSON.stringify(viewKey) ? wantedState.pages : {};
  const setPagesWanted = (pages: Record<string, number>) => setWantedState({ view: JSON.stringify(viewKey), pages });

  const counts = useQueries({
    queries: groups.map((group) => ({
      queryKey: [...groupKeyPrefix(definition.name), 'count', viewKey, group.key],
      queryFn: ({ signal }: { signal: AbortSignal }) => listRecords(definition.name, { filter: within(view.filter, group.filter), fields: ['id'], limit: 1, total: true, trashed: isTrash }, signal).then((page) => page.total ?? 0),
    })),
  });

  // Each open group's pages so far: page k+1 is asked for once page k has told its cursor.
  const pageQueries = groups.flatMap((group) => {
    if (collapsed.has(group.key)) return [];
    const wanted = pagesWanted[group.key] ?? 1;
    const out: { group: string; cursor?: string }[] = [];
    let cursor: string | undefined;
    for (let k = 0; k < wanted; k++) {
      out.push({ group: group.key, cursor });
      const page = queryClient.getQueryData<LabelledPage>([...groupKeyPrefix(definition.name), 'page', viewKey, group.key, cursor ?? null]);
      if (!page?.nextCursor) break;
      cursor = page.nextCursor;
    }
    return out;
  });
  const pages = useQueries({
    queries: pageQueries.map(({ group, cursor }) => ({
      queryKey: [...groupKeyPrefix(definition.name), 'page', viewKey, group, cursor ?? null],
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<LabelledPage> => {
        const filter = within(view.filter, groups.find((candidate) => candidate.key === group)!.filter);
        const page = await listRecords(definition.name, { filter, sort: view.sort, fields, limit: PAGE_SIZE, cursor, trashed: isTrash }, signal);
        return { ...page, labels: await fetchRelationLabels(objects, shown, page.data, signal) };
      },
    })),
  });

  const result: RecordGroup[] = groups.map((group, index) => {
    const mine = pageQueries.map((query, i) => ({ query, page: pages[i] })).filter(({ query }) => query.group === group.key);
    const rows = mine.flatMap(({ page }) => page.data?.data ?? []);
    const last = mine[mine.length - 1]?.page;
    const isCollapsed = collapsed.has(group.key);
    return {
      ...group, count: counts[index]?.data, isCollapsed, rows,
      hasMore: !isCollapsed && (!last?.data || Boolean(last.data.nextCursor)),
    };
  });
  const labels: RelationLabels = Object.assign({}, ...pages.map((page) => page.data?.labels ?? {}));
  const counted = counts.every((count) => count.data !== undefined);
  const total = counted ? counts.reduce((sum, count) => sum + (count.data ?? 0), 0) : undefined;
  const error = [...counts, ...pages].find((query) => query.error)?.error ?? null;
  const isLoading = counts.some((count) => count.isLoading);
  const isFetchingMore = pages.some((page) => page.isFetching);

  const toggleGroup = useCallback((key: string) => setCollapsed((current) => {
    const next = new Set(current);
    if (next.has(key)) next.delete(key); else next.add(key);
    return next;
  }), []);
  const pageCount = (key: string) => pageQueries.filter((query) => query.group === key).length;
  const needMore = (key: string) => {
    const loaded = pageCount(key);
    const group = result.find((candidate) => candidate.key === key);
    if (!group?.hasMore || isFetchingMore) return;
    if ((pagesWanted[key] ?? 1) <= loaded) setPagesWanted({ ...pagesWanted, [key]: loaded + 1 });
  };

  /** Puts a record the server returned into the loaded pages. */
  const replaceRecord = (record: RecordValues) => {
    queryClient.setQueriesData<LabelledPage>({ queryKey: [...groupKeyPrefix(definition.name), 'page'] }, (page) => page && {
      ...page,
      data: page.data.map((row) => (row.id === record.id ? { ...row, ...Object.fromEntries(fields.filter((name) => name in record).map((name) => [name, record[name]])) } : row)),
    });
  };

  return { groups: result, labels, total, error, isLoading, isFetchingMore, toggleGroup, needMore, replaceRecord };
}
