// A table cell that edits its field in place: double-click or Enter opens an input, Enter saves
// with If-Match, Escape cancels. The API's refusal shows under the cell; a record changed by
// someone else since it was read says so and offers to reload.
import { Text, Tooltip } from '@mantine/core';
import { useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { api, ApiError, type FieldDescription, type ObjectDescription, type RecordValues } from '../api';
import { formatValue, isEditable, parseInput, toInput } from '../format';

type Pages = InfiniteData<{ data: RecordValues[] }>;

export function EditableCell({ object, field, record, names, queryKey }: { object: ObjectDescription; field: FieldDescription; record: RecordValues; names: ReadonlyMap<string, string>; queryKey: QueryKey }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const editable = isEditable(field);
  const text = formatValue(field, record[field.name], String(record.currency ?? ''), names);

  const replace = (saved: RecordValues) => queryClient.setQueryData<Pages>(queryKey, (data) => data && {
    ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map((r) => (r.id === saved.id ? saved : r)) })),
  });

  const save = async () => {
    try {
      const { body } = await api<RecordValues>('PATCH', `/objects/${object.name}/${record.id}`, { [field.name]: parseInput(field, draft) }, { 'if-match': `"${record.version}"` });
      replace(body);
      setEditing(false);
      setError(null);
    } catch (caught) {
      const problem = caught as ApiError;
      setError(problem.status === 409
        ? 'Someone changed this record since you loaded it. Press Escape and reload to see their change, then try again.'
        : problem.about(field.name) ?? problem.message);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') {
      setEditing(false);
      setError(null);
    }
  };
  const open = () => {
    if (!editable) return;
    setDraft(toInput(field, record[field.name]));
    setEditing(true);
  };

  return (
    <div role="gridcell" tabIndex={editable ? 0 : -1} aria-label={`${field.label}: ${text}`} data-field={field.name}
      onDoubleClick={open} onKeyDown={(e) => { if (!editing && e.key === 'Enter') open(); }}
      style={{ flex: '0 0 180px', padding: editing ? 2 : '8px 10px', fontSize: 14, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', cursor: editable ? 'text' : 'default' }}>
      {editing ? (
        <Tooltip label={error ?? ''} opened={!!error} color="red" multiline w={260} withinPortal>
          <input aria-label={`Edit ${field.label}`} aria-invalid={!!error} autoFocus value={draft} onChange={(e) => setDraft(e.currentTarget.value)} onKeyDown={onKey}
            type={field.type === 'date' ? 'date' : field.type === 'number' || field.type === 'currency' || field.type === 'rating' ? 'number' : 'text'}
            style={{ width: '100%', height: 32, font: 'inherit', padding: '0 8px', border: `1px solid var(--mantine-color-${error ? 'red-6' : 'indigo-5'})`, borderRadius: 4 }} />
        </Tooltip>
      ) : <Text size="sm" span>{text}</Text>}
    </div>
  );
}
