// The pages of a list view, fetched by cursor as the user scrolls, each with the names of the
// records its relation columns point at.
import { useInfiniteQuery, useQueries, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { listRecords } from '../api/records';
import type { ObjectDescription, Page, RecordValues } from '../api/types';
import type { RelationLabels } from '../fields/format';
import { fetchRelationLabels } from '../fields/relation-labels';
import type { ListView } from './view-params';

export const PAGE_SIZE = 100;

export interface LabelledPage extends Page {
  labels: RelationLabels;
}

export function recordsKey(object: string, view: ListView, isTrash = false) {
  return ['records', object, { columns: view.columns, sort: view.sort, filter: view.filter.trim(), ...(isTrash ? { isTrash } : {}) }] as const;
}

/** `isEnabled: false` waits (a saved view named in the URL is still loading); `isTrash` lists the trash. */
export function useRecordPages(definition: ObjectDescription, objects: ObjectDescription[], view: ListView, isEnabled = true, isTrash = false) {
  const queryClient = useQueryClient();
  const key = recordsKey(definition.name, view, isTrash);
  const shown = definition.fields.filter((field) => view.columns.includes(field.name));
  const needsCurrency = shown.some((field) => field.type === 'currency') && definition.fields.some((field) => field.name === 'currency');
  const fields = [...new Set(['id', 'version', definition.displayField, ...view.columns, ...(needsCurrency ? ['currency'] : [])])];

  const query = useInfiniteQuery({
    queryKey: key,
    enabled: isEnabled,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }): Promise<LabelledPage> => {
      const page = await listRecords(definition.name, { filter: view.filter.trim() || undefined, sort: view.sort, fields, limit: PAGE_SIZE, cursor: pageParam, total: !pageParam, trashed: isTrash }, signal);
      return { ...page, labels: {} };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  // The names of related records load beside each page rather than before it: the rows show at
  // once, and a relation cell reads its short id until its name arrives.
  const labelQueries = useQueries({
    queries: (query.data?.pages ?? []).map((page) => ({
      queryKey: ['record-labels', definition.name, shown.map((field) => field.name).join(','), page.data.map((record) => record.id).join(',')],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRelationLabels(objects, shown, page.data, signal),
      staleTime: 60_000,
    })),
  });
  const labels = useMemo<RelationLabels>(() => Object.assign({}, ...labelQueries.map((labelQuery) => labelQuery.data ?? {})),
    [labelQueries.map((labelQuery) => labelQuery.dataUpdatedAt).join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Puts a record the server returned into the loaded pages. */
  const replaceRecord = useCallback((record: RecordValues) => {
    queryClient.setQueryData<InfiniteData<LabelledPage>>(key, (data) => data && {
      ...data,
      pages: data.pages.map((page) => ({ ...page, data: page.data.map((row) => (row.id === record.id ? { ...row, ...pick(record, fields) } : row)) })),
    });
  }, [queryClient, JSON.stringify(key), fields.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  return { query, replaceRecord, labels };
}

function pick(record: RecordValues, fields: string[]): Partial<RecordValues> {
  return Object.fromEntries(fields.filter((name) => name in record).map((name) => [name, record[name]]));
}
