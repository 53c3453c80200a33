// A field value that turns into its editor: Enter or Save writes it with If-Match, the server's
// validation message shows under the input, and a version conflict shows what changed meanwhile
// and offers to apply the change to the latest version instead of overwriting someone else's
// edit. A failed request (server down) keeps the draft in the input with the reason beside it.
import { ActionIcon, Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { getRecord, updateRecord } from '../api/records';
import { ApiProblem, describeError } from '../api/problem';
import type { FieldDescription, RecordValues } from '../api/types';
import { loadConflict, type Conflict } from './conflict';
import { ConflictAlert } from './conflict-alert';
import { fromDraft, toDraft } from './draft';
import { FieldEditor } from './field-editor';
import { formatValue, isEditable, type RelationLabels } from './format';

export interface EditableValueProps {
  object: string;
  field: FieldDescription;
  record: RecordValues;
  labels?: RelationLabels;
  /** The record as the server now has it (after a save, or reloaded after a conflict). */
  onSaved: (record: RecordValues) => void;
  /** `cell`: the editor opens in a popover so that table rows keep their height. */
  mode: 'cell' | 'inline';
  canEdit: boolean;
  /** Rendered instead of the plain text (a link for the display field). */
  display?: ReactNode;
}

export function EditableValue({ object, field, record, labels, onSaved, mode, canEdit, display }: EditableValueProps) {
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<ApiProblem | Error>();
  const [conflict, setConflict] = useState<Conflict>();
  const [isSaving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const text = formatValue(field, record, labels);
  const editable = canEdit && isEditable(field);

  const open = () => {
    setDraft(toDraft(field, record));
    setProblem(undefined);
    setConflict(undefined);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    setProblem(undefined);
    setConflict(undefined);
  };
  const save = async (base: RecordValues = record) => {
    setSaving(true);
    setProblem(undefined);
    setConflict(undefined);
    try {
      onSaved(await updateRecord(object, base.id, { [field.name]: fromDraft(field, draft, base) }, base.version));
      setEditing(false);
    } catch (error) {
      // The conflict alert opens once it can say what changed; without the latest version it
      // still offers to retry, it just cannot list the changes.
      if (error instanceof ApiProblem && error.isConflict) setConflict(await loadConflict(queryClient, object, base, labels).catch(() => undefined));
      setProblem(error as Error);
    } finally {
      setSaving(false);
    }
  };
  const retryOnLatest = async () => {
    try {
      const latest = conflict?.latest ?? await getRecord(object, record.id);
      onSaved(latest);
      await save(latest);
    } catch (error) {
      setProblem(error as Error);
    }
  };
  const discard = () => {
    if (conflict) onSaved(conflict.latest);
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      void save();
    }
    if (event.key === 'Escape') close();
  };

  const isConflict = problem instanceof ApiProblem && problem.isConflict;
  const fieldError = problem && !isConflict ? (problem instanceof ApiProblem ? problem.messageFor(field.name) ?? describeError(problem) : problem.message) : undefined;
  const editor = (
    <Stack gap={6} miw={mode === 'cell' ? 240 : undefined}>
      <FieldEditor field={field} draft={draft} onDraft={setDraft} error={fieldError} autoFocus onKeyDown={onKeyDown} isMultiline={mode === 'inline'}
        label={mode === 'cell' ? field.label : undefined} size="sm" labels={labels} />
      {isConflict && <ConflictAlert conflict={conflict} isSaving={isSaving} onApply={() => void retryOnLatest()} onDiscard={discard} />}
      <Group gap={6} justify="flex-end">
        <Button size="xs" variant="default" onClick={close}>Cancel</Button>
        <Button size="xs" onClick={() => save()} loading={isSaving}>Save</Button>
      </Group>
    </Stack>
  );

  const shown = display ?? (text || <Text span c="dimmed" size="sm">—</Text>);
  if (!editable) return <>{shown}</>;

  if (mode === 'inline') {
    return isEditing ? editor : (
      <Group gap={4} wrap="nowrap" align="flex-start">
        <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{shown}</div>
        <ActionIcon variant="subtle" size="sm" onClick={open} aria-label={`Edit ${field.label}`}>✎</ActionIcon>
      </Group>
    );
  }
  return (
    <Popover opened={isEditing} onChange={(opened) => !opened && close()} trapFocus returnFocus position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <UnstyledButton onClick={open} aria-label={`Edit ${field.label}: ${text || 'empty'}`} style={{ width: '100%', minHeight: 24, textAlign: 'left', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 'var(--mantine-font-size-sm)' }}>
          {display ?? (text || '\u00a0')}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>{editor}</Popover.Dropdown>
    </Popover>
  );
}
