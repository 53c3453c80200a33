// A list of any object's records, driven by its definition: a virtualised table (only the rows in
// view are in the page) that pages through the API with its cursor as you scroll, sort by a
// column, filter in the filter language, choose columns, and edit a cell in place. The URL holds
// the view (filter, sort, columns), so a link or a reload shows the same list.
import { Alert, Button, Checkbox, Group, Loader, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type FieldDescription, type ObjectDescription, type RecordValues } from '../api';
import { formatValue } from '../format';
import { AnchorLink } from '../links';
import { listRoute } from '../main';
import { namesFor, useMemberNames } from '../names';
import { useObject, useObjects } from '../session';
import { EditableCell } from './EditableCell';

const PAGE = 100;
const ROW_HEIGHT = 38;

function defaultColumns(object: ObjectDescription): string[] {
  const listed = object.fields.filter((f) => f.isListed && f.type !== 'collection').map((f) => f.name);
  return [...new Set([object.displayField, ...listed])].slice(0, 8);
}

export function ObjectList() {
  const { object: name } = listRoute.useParams();
  const object = useObject(name);
  if (!object) return <Loader m="xl" aria-label="Loading" />;
  return <Table key={name} object={object} />;
}

function Table({ object }: { object: ObjectDescription }) {
  const search = listRoute.useSearch();
  const navigate = useNavigate({ from: listRoute.fullPath });
  const columns = useMemo(() => {
    const wanted = search.columns?.split(',') ?? defaultColumns(object);
    return wanted.map((n) => object.fields.find((f) => f.name === n)).filter((f): f is FieldDescription => !!f);
  }, [search.columns, object]);
  const sort = search.sort ?? '-createdAt';
  const objects = useObjects().data ?? [];
  const members = useMemberNames();
  const [draftFilter, setDraftFilter] = useState(search.filter ?? '');
  useEffect(() => setDraftFilter(search.filter ?? ''), [search.filter]);

  const query = useInfiniteQuery({
    queryKey: ['list', object.name, search.filter ?? '', sort, columns.map((c) => c.name).join(',')],
    initialPageParam: '',
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE), sort, ...(search.filter ? { filter: search.filter } : {}), ...(pageParam ? { cursor: pageParam } : { total: 'true' }) });
      const page = (await api<{ data: RecordValues[]; nextCursor: string | null; total?: number }>('GET', `/objects/${object.name}?${params}`)).body;
      return { ...page, names: await namesFor(objects, columns, page.data) };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const names = useMemo(() => new Map([...members, ...(query.data?.pages.flatMap((page) => [...page.names]) ?? [])]), [query.data, members]);
  const total = query.data?.pages[0]?.total;

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 30 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

  const setSearch = (change: Partial<typeof search>) => navigate({ search: (previous) => ({ ...previous, ...change }) });
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ filter: draftFilter.trim() || undefined });
  };
  const sortBy = (field: string) => setSearch({ sort: sort === field ? `-${field}` : field });
  const filterError = query.error instanceof ApiError ? query.error : null;

  return (
    <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{object.labelPlural}</Title>
        <Text size="sm" c="dimmed" aria-live="polite">{total !== undefined ? `${total.toLocaleString()} ${total === 1 ? object.labelSingular.toLowerCase() : object.labelPlural.toLowerCase()}` : ''}</Text>
      </Group>
      <Group component="form" onSubmit={applyFilter} gap="xs" align="flex-start" wrap="wrap">
        <TextInput aria-label="Filter" placeholder='Filter, such as lifecycleStage = "customer" and company.industry = "retail"' value={draftFilter}
          onChange={(e) => setDraftFilter(e.currentTarget.value)} error={filterError?.about('filter') ?? (filterError ? filterError.message : undefined)} style={{ flex: 1, minWidth: 220 }} />
        <Button type="submit" variant="light">Filter</Button>
        <ColumnChooser object={object} columns={columns} onChange={(names) => setSearch({ columns: names.join(',') })} />
      </Group>
      <div ref={scroller} role="grid" aria-rowcount={total ?? rows.length} aria-label={object.labelPlural}
        style={{ flex: 1, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <div role="row" style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)', minWidth: columns.length * 180 }}>
          {columns.map((field) => (
            <button key={field.name} role="columnheader" type="button" onClick={() => sortBy(field.name)}
              aria-sort={sort === field.name ? 'ascending' : sort === `-${field.name}` ? 'descending' : 'none'}
              style={{ flex: '0 0 180px', textAlign: 'left', padding: '8px 10px', font: 'inherit', fontWeight: 600, fontSize: 13, border: 0, background: 'none', cursor: 'pointer' }}>
              {field.label}{sort === field.name ? ' ▲' : sort === `-${field.name}` ? ' ▼' : ''}
            </button>
          ))}
        </div>
        {query.isPending && <Loader m="md" size="sm" aria-label="Loading records" />}
        {!query.isPending && rows.length === 0 && !filterError && <Text p="md" c="dimmed">No {object.labelPlural.toLowerCase()} match.</Text>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: columns.length * 180 }}>
          {items.map((item) => {
            const record = rows[item.index];
            return (
              <div key={record.id} role="row" aria-rowindex={item.index + 2} data-testid="row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, display: 'flex', borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                {columns.map((field) => field.name === object.displayField
                  ? (
                    <div key={field.name} role="gridcell" style={{ flex: '0 0 180px', padding: '8px 10px', fontSize: 14, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                      <AnchorLink to="/o/$object/$id" params={{ object: object.name, id: record.id }} size="sm">{formatValue(field, record[field.name]) || '(no name)'}</AnchorLink>
                    </div>
                  )
                  : <EditableCell key={field.name} object={object} field={field} record={record} names={names} queryKey={['list', object.name, search.filter ?? '', sort, columns.map((c) => c.name).join(',')]} />)}
              </div>
            );
          })}
        </div>
        {query.isFetchingNextPage && <Loader m="sm" size="xs" aria-label="Loading more" />}
      </div>
      {query.error && !filterError && <Alert color="red">{(query.error as Error).message}</Alert>}
    </Stack>
  );
}

function ColumnChooser({ object, columns, onChange }: { object: ObjectDescription; columns: FieldDescription[]; onChange: (names: string[]) => void }) {
  const chosen = columns.map((c) => c.name);
  const choices = object.fields.filter((f) => f.type !== 'collection' && !(f.type === 'relation' && f.relation?.cardinality === 'many'));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default">Columns</Button>
      </Popover.Target>
      <Popover.Dropdown mah={360} style={{ overflow: 'auto' }}>
        <Stack gap={6}>
          {choices.map((field) => (
            <Checkbox key={field.name} label={field.label} checked={chosen.includes(field.name)} disabled={field.name === object.displayField}
              onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, field.name] : chosen.filter((n) => n !== field.name))} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
