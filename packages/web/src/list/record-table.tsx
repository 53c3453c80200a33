// The virtualised table of a list view: only the rows in sight (plus a margin) are in the
// page, the next page is fetched as the end comes near, headers sort on the server, cells
// edit in place, a checkbox column selects rows (shift for a range), and grouped lists show a
// collapsible header per group.
import { Anchor, Badge, Box, Center, Checkbox, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { EditableValue } from '../fields/editable-value';
import { formatValue, type RelationLabels } from '../fields/format';
import type { SelectionControls } from './selection';
import type { RecordGroup } from './use-grouped-records';
import { isSortable } from './view-params';

const features = tableFeatures({});
const ROW_HEIGHT = 37;
const CHECK_WIDTH = 44;

/** One line of the table: a record, a group's header, or the place where more rows will load. */
export type ListItem =
  | { kind: 'record'; record: RecordValues }
  | { kind: 'group'; group: RecordGroup }
  | { kind: 'more'; groupKey?: string };

const itemKey = (item: ListItem) => (item.kind === 'record' ? item.record.id : item.kind === 'group' ? `group:${item.group.key}` : `more:${item.groupKey ?? ''}`);

interface ColumnMeta { field: FieldDescription; width: number }

function widthOf(field: FieldDescription, definition: ObjectDescription): number {
  if (field.name === definition.displayField) return 240;
  if (field.type === 'boolean' || field.type === 'rating') return 110;
  if (field.type === 'number' || field.type === 'currency' || field.type === 'date') return 140;
  return 190;
}

export interface RecordTableProps {
  definition: ObjectDescription;
  columns: string[];
  sort?: string;
  items: ListItem[];
  labels: RelationLabels;
  canEdit: boolean;
  isFetchingMore: boolean;
  /** Called when a `more` item comes near the view (`groupKey` for a group's next page). */
  onNeedMore: (groupKey?: string) => void;
  onSort: (field: string) => void;
  onSaved: (record: RecordValues) => void;
  selection?: SelectionControls;
  onToggleGroup?: (key: string) => void;
}

export function RecordTable({ definition, columns, sort, items, labels, canEdit, isFetchingMore, onNeedMore, onSort, onSaved, selection, onToggleGroup }: RecordTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnDefs = useMemo<ColumnDef<typeof features, RecordValues>[]>(() => columns.flatMap((name) => {
    const field = definition.fields.find((candidate) => candidate.name === name);
    if (!field) return [];
    const meta: ColumnMeta = { field, width: widthOf(field, definition) };
    return [{ id: name, header: field.label, accessorFn: (record: RecordValues) => record[name], meta } as ColumnDef<typeof features, RecordValues>];
  }), [columns, definition]);

  const rows = useMemo(() => items.flatMap((item) => (item.kind === 'record' ? [item.record] : [])), [items]);
  const table = useTable({ features, columns: columnDefs, data: rows, getRowId: (record: RecordValues) => record.id });
  const tableRows = table.getRowModel().rows;
  const rowById = useMemo(() => new Map(tableRows.map((row) => [row.id, row])), [tableRows]);
  const totalWidth = columnDefs.reduce((sum, column) => sum + (column.meta as ColumnMeta).width, 0) + (selection ? CHECK_WIDTH : 0);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => itemKey(items[index]),
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length ? virtualItems[virtualItems.length - 1].index : -1;
  const firstIndex = virtualItems.length ? virtualItems[0].index : 0;
  // The first place near the view (30 rows ahead) where more rows are waiting to load.
  const nearMore = useMemo(() => {
    for (let index = firstIndex; index < Math.min(items.length, lastIndex + 30); index++) if (items[index].kind === 'more') return index;
    return -1;
  }, [items, firstIndex, lastIndex]);
  const moreKey = nearMore >= 0 ? itemKey(items[nearMore]) : undefined;
  useEffect(() => {
    if (nearMore < 0 || isFetchingMore) return;
    const item = items[nearMore];
    if (item.kind === 'more') onNeedMore(item.groupKey);
  }, [moreKey, isFetchingMore]); // eslint-disable-line react-hooks/exhaustive-deps

  const selectedLoaded = selection ? rows.filter((record) => selection.isSelected(record.id)).length : 0;
  const cellStyle = { display: 'flex', alignItems: 'center', padding: '0 8px', overflow: 'hidden', whiteSpace: 'nowrap', fontSize: 'var(--mantine-font-size-sm)' } as const;

  const sortedOn = sort?.replace(/^-/, '');
  const direction = sort?.startsWith('-') ? 'descending' : 'ascending';

  return (
    <Box ref={scrollRef} style={{ overflow: 'auto', height: 'calc(100dvh - 230px)', minHeight: 280, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      data-testid="record-table-scroll">
      <table style={{ display: 'grid', minWidth: totalWidth, borderCollapse: 'collapse' }} aria-label={definition.labelPlural} aria-rowcount={items.length + 1}>
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} style={{ display: 'flex', width: '100%' }}>
              {selection && (
                <th style={{ display: 'flex', alignItems: 'center', width: CHECK_WIDTH, flex: `0 0 ${CHECK_WIDTH}px`, padding: '6px 8px 6px 14px' }} scope="col">
                  <Checkbox size="xs" aria-label={selectedLoaded === rows.length && rows.length ? 'Clear the selection' : 'Select all loaded rows'}
                    checked={rows.length > 0 && selectedLoaded === rows.length} indeterminate={selectedLoaded > 0 && selectedLoaded < rows.length}
                    onChange={(event) => selection.setLoaded(event.currentTarget.checked)} disabled={!rows.length} />
                </th>
              )}
              {group.headers.map((header) => {
                const { field, width } = header.column.columnDef.meta as ColumnMeta;
                const isSorted = sortedOn === field.name;
                return (
                  <th key={header.id} style={{ display: 'flex', width, flex: `1 0 ${width}px`, padding: '6px 8px', textAlign: 'left' }}
                    aria-sort={isSorted ? direction : undefined} scope="col">
                    {isSortable(field) ? (
                      <UnstyledButton onClick={() => onSort(field.name)} fw={600} fz="sm" aria-label={`Sort by ${field.label}`}>
                        {field.label}{isSorted ? (direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                      </UnstyledButton>
                    ) : <Text fw={600} fz="sm">{field.label}</Text>}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((virtual) => {
            const item = items[virtual.index];
            const position = { display: 'flex', position: 'absolute', transform: `translateY(${virtual.start}px)`, width: '100%', height: ROW_HEIGHT } as const;
            if (item.kind === 'group') {
              const { group } = item;
              return (
                <tr key={virtual.key} data-index={virtual.index} aria-rowindex={virtual.index + 2} data-testid="group-header"
                  style={{ ...position, background: 'var(--mantine-color-gray-1)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                  <th scope="rowgroup" colSpan={columnDefs.length + (selection ? 1 : 0)} style={{ ...cellStyle, width: '100%', position: 'sticky', left: 0 }}>
                    <UnstyledButton onClick={() => onToggleGroup?.(group.key)} aria-expanded={!group.isCollapsed} style={{ display: 'flex', alignItems: 'center', gap: 8 }}
                      aria-label={`${group.label}: ${group.count ?? '…'} ${group.isCollapsed ? '(collapsed)' : ''}`.trim()}>
                      <Text span fz="sm" w={12} aria-hidden>{group.isCollapsed ? '▸' : '▾'}</Text>
                      <Group gap={6} wrap="nowrap">
                        <Text span fw={600} fz="sm">{group.label}</Text>
                        <Badge size="sm" variant="light" color="gray" data-testid="group-count">{group.count === undefined ? '…' : group.count.toLocaleString()}</Badge>
                      </Group>
                    </UnstyledButton>
                  </th>
                </tr>
              );
            }
            if (item.kind === 'more') {
              return (
                <tr key={virtual.key} data-index={virtual.index} style={{ ...position, borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <td style={{ ...cellStyle, width: '100%', position: 'sticky', left: 0 }}><Loader size="xs" mr="xs" aria-hidden /><Text span c="dimmed" fz="sm">Loading more…</Text></td>
                </tr>
              );
            }
            const row = rowById.get(item.record.id);
            if (!row) return null;
            const record = row.original;
            const isSelected = selection?.isSelected(record.id) ?? false;
            const name = String(record[definition.displayField] ?? '') || 'Untitled';
            return (
              <tr key={virtual.key} data-index={virtual.index} aria-rowindex={virtual.index + 2} aria-selected={selection ? isSelected : undefined}
                style={{ ...position, borderBottom: '1px solid var(--mantine-color-gray-2)', background: isSelected ? 'var(--mantine-color-indigo-0)' : undefined }}>
                {selection && (
                  <td style={{ ...cellStyle, width: CHECK_WIDTH, flex: `0 0 ${CHECK_WIDTH}px`, paddingLeft: 14 }}>
                    <Checkbox size="xs" aria-label={`Select ${name}`} checked={isSelected} onChange={() => undefined}
                      onClick={(event) => selection.toggle(record.id, event.shiftKey)} />
                  </td>
                )}
                {row.getAllCells().map((cell) => {
                  const { field, width } = cell.column.columnDef.meta as ColumnMeta;
                  return (
                    <td key={cell.id} style={{ ...cellStyle, width, flex: `1 0 ${width}px` }}>
                      {field.name === definition.displayField ? (
                        <Anchor component={Link} to={`/objects/${definition.name}/${record.id}`} fz="sm" truncate>
                          {formatValue(field, record, labels) || 'Untitled'}
                        </Anchor>
                      ) : field.type === 'relation' && field.relation?.cardinality === 'one' && typeof record[field.name] === 'string' ? (
                        <Anchor component={Link} to={`/objects/${field.relation.target}/${record[field.name]}`} fz="sm" truncate>{formatValue(field, record, labels)}</Anchor>
                      ) : (
                        <div style={{ width: '100%', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          <EditableValue object={definition.name} field={field} record={record} labels={labels} onSaved={onSaved} mode="cell" canEdit={canEdit} />
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFetchingMore && <Text className="sr-only" role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Loading more records</Text>}
      {!items.length && <Center p="xl"><Text c="dimmed">No records match this view.</Text></Center>}
    </Box>
  );
}
