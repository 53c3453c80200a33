// The list view of any object: filter, sort, columns and grouping (all in the URL), saved
// views, the virtualised table with inline edit, row selection with bulk actions, and the trash.
import { Alert, Button, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import type { ObjectDescription } from '../api/types';
import { ColumnChooser } from '../list/column-chooser';
import { NewRecordButton } from '../list/new-record-button';
import { BESIDE_INPUTS, FilterBuilder, FilterInput } from '../list/filter-input';
import { BulkBar } from '../list/bulk-bar';
import { exportCsv } from '../list/bulk';
import { RecordTable, type ListItem } from '../list/record-table';
import { useSelection } from '../list/selection';
import { groupableFields, useGroupedRecords } from '../list/use-grouped-records';
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
  // The text the filter builder opened on, while it is open.
  const [builderText, setBuilderText] = useState<string>();
  // A saved view holds columns, filter and sort; the grouping and the trash stay as they are.
  const showSaved = (saved: NonNullable<typeof selected>, replace = false) =>
    setParams(writeView(definition, { ...viewOf(definition, saved), groupBy: view.groupBy, isTrash: view.isTrash }, saved.id), { replace });
  const pendingView = namesOnlySavedView(params) ? selected : undefined;
  useEffect(() => {
    if (pendingView) showSaved(pendingView, true);
  }, [pendingView]); // eslint-disable-line react-hooks/exhaustive-deps
  // A link naming only a saved view (`?view=<id>`) shows that view's columns, filter and sort;
  // the records wait for it rather than load the default list first.
  const isAwaitingView = namesOnlySavedView(params) && (savedViews.isPending || pendingView !== undefined);
  const isTrash = Boolean(view.isTrash);
  const groupField = definition.fields.find((field) => field.name === view.groupBy);
  const { query, replaceRecord, labels: pageLabels } = useRecordPages(definition, objects, view, !isAwaitingView && !groupField, isTrash);
  const grouped = useGroupedRecords(definition, objects, view, isAwaitingView ? undefined : groupField, isTrash);

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const needMore = useCallback(() => { void fetchNextPage(); }, [fetchNextPage]);

  const items = useMemo<ListItem[]>(() => {
    if (!groupField) return [...rows.map((record) => ({ kind: 'record' as const, record })), ...(hasNextPage ? [{ kind: 'more' as const }] : [])];
    // The no-value group shows only when some record has no value.
    return grouped.groups.filter((group) => !(group.isNoValue && group.count === 0)).flatMap((group) => [
      { kind: 'group' as const, group },
      ...(group.isCollapsed ? [] : group.rows.map((record) => ({ kind: 'record' as const, record }))),
      ...(group.hasMore && (group.count ?? 1) > 0 ? [{ kind: 'more' as const, groupKey: group.key }] : []),
    ]);
  }, [groupField, rows, hasNextPage, grouped.groups]);
  const shownRecords = useMemo(() => items.flatMap((item) => (item.kind === 'record' ? [item.record] : [])), [items]);
  const order = useMemo(() => shownRecords.map((record) => record.id), [shownRecords]);
  const byId = useMemo(() => new Map(shownRecords.map((record) => [record.id, record])), [shownRecords]);
  const selection = useSelection(order, JSON.stringify([view.filter.trim(), isTrash, view.groupBy ?? '']));

  const total = groupField ? grouped.total : query.data?.pages[0]?.total;
  const labels = groupField ? grouped.labels : pageLabels;
  const error = groupField ? grouped.error : query.error;
  const isLoading = groupField ? grouped.isLoading : query.isLoading;
  const problem = error instanceof ApiProblem ? error : undefined;
  const filterError = problem?.messageFor('filter') ?? (problem?.errors.some((item) => item.field.startsWith('filter')) ? problem.detail : undefined);
  const mayDelete = can(session.data, definition.name, 'delete');
  const mayExport = can(session.data, definition.name, 'export');
  // Rows are selectable only when the role may do some bulk action on them.
  const canSelect = isTrash ? mayDelete : mayDelete || mayExport || can(session.data, definition.name, 'update');
  const groupable = groupableFields(definition);
  const plural = definition.labelPlural.toLowerCase();

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{isTrash ? `${definition.labelPlural} in the trash` : definition.labelPlural}</Title>
        <Group gap="sm" align="baseline">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total !== undefined ? `${total.toLocaleString()} ${total === 1 ? definition.labelSingular.toLowerCase() : plural}` : ''}
          </Text>
          {!isTrash && can(session.data, definition.name, 'create') && <NewRecordButton definition={definition} />}
        </Group>
      </Group>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <FilterInput value={view.filter} error={filterError} onApply={(filter) => setView({ filter })} example={exampleFilter(definition)}
          isBuilding={builderText !== undefined} onToggleBuilder={(text) => setBuilderText(builderText === undefined ? text : undefined)} />
        {groupable.length > 0 && (
          <Select label="Group by" description="A header per value" placeholder="No grouping" w={{ base: '100%', xs: 170 }} clearable data={groupable.map((field) => ({ value: field.name, label: field.label }))}
            value={view.groupBy ?? null} onChange={(value) => setView({ groupBy: value ?? undefined })} comboboxProps={{ withinPortal: true }} />
        )}
        <ColumnChooser definition={definition} columns={view.columns} onChange={(columns) => setView({ columns })} />
        <ViewsMenu definition={definition} current={view} selected={selected} views={savedViews.data?.data ?? []} canShare={savedViews.data?.canShare ?? false}
          onPick={(saved) => showSaved(saved)}
          onSaved={(saved) => showSaved(saved)}
          onDeleted={() => setParams(writeView(definition, view))} />
        {mayExport && !isTrash && (
          <Button variant="default" mt={BESIDE_INPUTS} onClick={() => void exportCsv(definition, { filter: view.filter.trim() }, view.sort, view.columns)}>Export CSV</Button>
        )}
        {mayDelete && (
          <SegmentedControl mt={BESIDE_INPUTS} aria-label="Records or trash" value={isTrash ? 'trash' : 'live'} onChange={(value) => setView({ isTrash: value === 'trash' })}
            data={[{ value: 'live', label: definition.labelPlural }, { value: 'trash', label: 'Trash' }]} />
        )}
      </Group>
      {builderText !== undefined && (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the filter builder" />}>
          <FilterBuilder definition={definition} text={builderText} onClose={() => setBuilderText(undefined)}
            onApply={(filter) => { setView({ filter }); setBuilderText(undefined); }} />
        </Suspense>
      )}
      <BulkBar definition={definition} selection={selection} total={total} filter={view.filter.trim()} sort={view.sort} columns={view.columns} isTrash={isTrash}
        recordOf={(id) => byId.get(id)} />
      {error && !filterError && <Alert color="red" role="alert" title="The records could not be loaded">{describeError(error)}</Alert>}
      {namesOnlySavedView(params) && savedViews.isSuccess && !selected && (
        <Alert color="yellow" title="Saved view not found">It was deleted, or it is someone else’s personal view; the list shows every record.</Alert>
      )}
      {isLoading || isAwaitingView ? <Loader aria-label="Loading records" /> : !error && (
        <RecordTable definition={definition} columns={view.columns} sort={view.sort} items={items} labels={labels}
          canEdit={!isTrash && can(session.data, definition.name, 'update')} isFetchingMore={groupField ? grouped.isFetchingMore : isFetchingNextPage}
          onNeedMore={(groupKey) => (groupKey === undefined ? needMore() : grouped.needMore(groupKey))} selection={canSelect ? selection : undefined} onToggleGroup={grouped.toggleGroup}
          onSort={(field) => setView({ sort: nextSort(view.sort, field) })} onSaved={groupField ? grouped.replaceRecord : replaceRecord} />
      )}
    </Stack>
  );
}
