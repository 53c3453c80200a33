// The virtualised table of a list view: only the rows in sight (plus a margin) are in the
// page, the next page is fetched as the end comes near, headers sort on the server, and
// cells edit in place.
import { Anchor, Box, Center, Loader, Text, UnstyledButton } from '@mantine/core';
import { tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { EditableValue } from '../fields/editable-value';
import { formatValue, type RelationLabels } from '../fields/format';
import { isSortable } from './view-params';

const features = tableFeatures({});
const ROW_HEIGHT = 37;

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
  rows: RecordValues[];
  labels: RelationLabels;
  canEdit: boolean;
  hasMore: boolean;
  isFetchingMore: boolean;
  onNeedMore: () => void;
  onSort: (field: string) => void;
  onSaved: (record: RecordValues) => void;
}

export function RecordTable({ definition, columns, sort, rows, labels, canEdit, hasMore, isFetchingMore, onNeedMore, onSort, onSaved }: RecordTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnDefs = useMemo<ColumnDef<typeof features, RecordValues>[]>(() => columns.flatMap((name) => {
    const field = definition.fields.find((candidate) => candidate.name === name);
    if (!field) return [];
    const meta: ColumnMeta = { field, width: widthOf(field, definition) };
    return [{ id: name, header: field.label, accessorFn: (record: RecordValues) => record[name], meta } as ColumnDef<typeof features, RecordValues>];
  }), [columns, definition]);

  const table = useTable({ features, columns: columnDefs, data: rows, getRowId: (record: RecordValues) => record.id });
  const tableRows = table.getRowModel().rows;
  const totalWidth = columnDefs.reduce((sum, column) => sum + (column.meta as ColumnMeta).width, 0);

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => tableRows[index].id,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (hasMore && !isFetchingMore && lastIndex >= tableRows.length - 30) onNeedMore();
  }, [lastIndex, hasMore, isFetchingMore, tableRows.length, onNeedMore]);

  const sortedOn = sort?.replace(/^-/, '');
  const direction = sort?.startsWith('-') ? 'descending' : 'ascending';

  return (
    <Box ref={scrollRef} style={{ overflow: 'auto', height: 'calc(100dvh - 230px)', minHeight: 280, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      data-testid="record-table-scroll">
      <table style={{ display: 'grid', minWidth: totalWidth, borderCollapse: 'collapse' }} aria-label={definition.labelPlural} aria-rowcount={rows.length}>
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} style={{ display: 'flex', width: '100%' }}>
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
          {items.map((item) => {
            const row = tableRows[item.index];
            return (
              <tr key={row.id} data-index={item.index} aria-rowindex={item.index + 1}
                style={{ display: 'flex', position: 'absolute', transform: `translateY(${item.start}px)`, width: '100%', height: ROW_HEIGHT, borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                {row.getAllCells().map((cell) => {
                  const { field, width } = cell.column.columnDef.meta as ColumnMeta;
                  const record = row.original;
                  return (
                    <td key={cell.id} style={{ display: 'flex', alignItems: 'center', width, flex: `1 0 ${width}px`, padding: '0 8px', overflow: 'hidden', whiteSpace: 'nowrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                      {field.name === definition.displayField ? (
                        <Anchor component={Link} to={`/objects/${definition.name}/${record.id}`} fz="sm" truncate>
                          {formatValue(field, record, labels) || 'Untitled'}
                        </Anchor>
                      ) : field.type === 'relation' && field.relation?.cardinality === 'one' && typeof record[field.name] === 'string' ? (
                        <Anchor component={Link} to={`/objects/${field.relation.target}/${record[field.name]}`} fz="sm" truncate>{formatValue(field, record, labels)}</Anchor>
                      ) : (
                        <EditableValue object={definition.name} field={field} record={record} labels={labels} onSaved={onSaved} mode="cell" canEdit={canEdit} />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFetchingMore && <Center p="sm"><Loader size="sm" aria-label="Loading more records" /></Center>}
      {!rows.length && <Center p="xl"><Text c="dimmed">No records match this view.</Text></Center>}
    </Box>
  );
}
