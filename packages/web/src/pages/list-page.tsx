// The list view of any object: filter, sort, columns (all in the URL), saved views, and the
// virtualised table with inline edit.
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import type { ObjectDescription } from '../api/types';
import { ColumnChooser } from '../list/column-chooser';
import { FilterInput } from '../list/filter-input';
import { RecordTable } from '../list/record-table';
import { useRecordPages } from '../list/use-record-pages';
import { namesOnlySavedView, nextSort, readView, SAVED_VIEW_PARAM, viewOf, writeView, type ListView } from '../list/view-params';
import { useSavedViews, ViewsMenu } from '../list/views-menu';
import { useObjectDefinition } from '../session/use-objects';
import { can, useSession } from '../session/use-session';

export function ListPage() {
  const { object } = useParams();
  const { definition, all, isLoading } = useObjectDefinition(object);
  if (isLoading) return <Loader aria-label="Loading" />;
  if (!definition || !all) return <Alert color="red" title="Unknown object">There is no object called “{object}” in this workspace.</Alert>;
  return <ObjectList key={definition.name} definition={definition} objects={all} />;
}

function exampleFilter(definition: ObjectDescription): string {
  const select = definition.fields.find((field) => field.type === 'select' && field.choices?.length && !field.isReadOnly);
  if (select) return `${select.name} = "${select.choices![0].value}"`;
  return `${definition.displayField} contains "a"`;
}

function ObjectList({ definition, objects }: { definition: ObjectDescription; objects: ObjectDescription[] }) {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const view = useMemo(() => readView(definition, params), [definition, params]);
  const savedViewId = params.get(SAVED_VIEW_PARAM);
  const savedViews = useSavedViews(definition.name);
  const selected = savedViews.data?.data.find((saved) => saved.id === savedViewId);
  // Changing the columns, filter or sort keeps the saved view named: it shows as changed and can be updated.
  const setView = (change: Partial<ListView>) => setParams(writeView(definition, { ...view, ...change }, savedViewId));
  const pendingView = namesOnlySavedView(params) ? selected : undefined;
  useEffect(() => {
    if (pendingView) setParams(writeView(definition, viewOf(definition, pendingView), pendingView.id), { replace: true });
  }, [pendingView, definition, setParams]);
  // A link naming only a saved view (`?view=<id>`) shows that view's columns, filter and sort;
  // the records wait for it rather than load the default list first.
  const isAwaitingView = namesOnlySavedView(params) && (savedViews.isPending || pendingView !== undefined);
  const { query, replaceRecord } = useRecordPages(definition, objects, view, !isAwaitingView);
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const labels = useMemo(() => Object.assign({}, ...(query.data?.pages.map((page) => page.labels) ?? [])), [query.data]);
  const total = query.data?.pages[0]?.total;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const needMore = useCallback(() => { void fetchNextPage(); }, [fetchNextPage]);

  const problem = query.error instanceof ApiProblem ? query.error : undefined;
  const filterError = problem?.messageFor('filter') ?? (problem?.errors.some((error) => error.field.startsWith('filter')) ? problem.detail : undefined);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{definition.labelPlural}</Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {total !== undefined ? `${total.toLocaleString()} ${total === 1 ? definition.labelSingular.toLowerCase() : definition.labelPlural.toLowerCase()}` : ''}
        </Text>
      </Group>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <FilterInput value={view.filter} error={filterError} onApply={(filter) => setView({ filter })} example={exampleFilter(definition)} />
        <ColumnChooser definition={definition} columns={view.columns} onChange={(columns) => setView({ columns })} />
        <ViewsMenu definition={definition} current={view} selected={selected} views={savedViews.data?.data ?? []} canShare={savedViews.data?.canShare ?? false}
          onPick={(saved) => setParams(writeView(definition, viewOf(definition, saved), saved.id))}
          onSaved={(saved) => setParams(writeView(definition, viewOf(definition, saved), saved.id))}
          onDeleted={() => setParams(writeView(definition, view))} />
      </Group>
      {query.error && !filterError && <Alert color="red" role="alert" title="The records could not be loaded">{describeError(query.error)}</Alert>}
      {namesOnlySavedView(params) && savedViews.isSuccess && !selected && (
        <Alert color="yellow" title="Saved view not found">It was deleted, or it is someone else’s personal view; the list shows every record.</Alert>
      )}
      {query.isLoading || isAwaitingView ? <Loader aria-label="Loading records" /> : !query.error && (
        <RecordTable definition={definition} columns={view.columns} sort={view.sort} rows={rows} labels={labels}
          canEdit={can(session.data, definition.name, 'update')} hasMore={Boolean(hasNextPage)} isFetchingMore={isFetchingNextPage}
          onNeedMore={needMore} onSort={(field) => setView({ sort: nextSort(view.sort, field) })} onSaved={replaceRecord} />
      )}
    </Stack>
  );
}
