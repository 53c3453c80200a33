// The bar over a list when rows are selected: how many, "select all N matching", and the
// bulk actions the role allows — set one field, add or remove a tag, export, move to the trash
// (or restore from it). Progress shows while it works; a refusal names each row and field.
import { Alert, Button, Group, List, Modal, Paper, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../api/problem';
import { listRecords } from '../api/records';
import type { ObjectDescription, RecordValues } from '../api/types';
import { fromDraft } from '../fields/draft';
import { FieldEditor } from '../fields/field-editor';
import { isEditable } from '../fields/format';
import { can, useSession } from '../session/use-session';
import { exportCsv, fetchTargets, retag, tagField, trashEach, updateInChunks, type BulkOutcome, type Target } from './bulk';
import type { SelectionControls } from './selection';

export interface BulkBarProps {
  definition: ObjectDescription;
  selection: SelectionControls;
  /** Records the list's filter matches (all pages). */
  total?: number;
  filter: string;
  sort?: string;
  columns: string[];
  isTrash: boolean;
  /** A loaded row by id (its version is what the user saw). */
  recordOf: (id: string) => RecordValues | undefined;
}

type Dialog = 'edit' | 'tag' | 'delete' | undefined;

interface Report {
  color: 'green' | 'red';
  title: string;
  outcome?: BulkOutcome;
}

export function BulkBar({ definition, selection, total, filter, sort, columns, isTrash, recordOf }: BulkBarProps) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>();
  const [progress, setProgress] = useState<{ label: string; done: number; total: number }>();
  const [report, setReport] = useState<Report>();
  const count = selection.isAllMatching ? (total ?? selection.ids.size) : selection.ids.size;
  const noun = (n: number) => (n === 1 ? definition.labelSingular.toLowerCase() : definition.labelPlural.toLowerCase());
  const mayUpdate = !isTrash && can(session.data, definition.name, 'update');
  const tags = tagField(definition);
  const mayTag = mayUpdate && tags !== undefined && can(session.data, 'tags', 'read');
  const mayExport = !isTrash && can(session.data, definition.name, 'export');
  const mayDelete = can(session.data, definition.name, 'delete');

  const target = (): Target => (selection.isAllMatching ? { filter, trashed: isTrash } : { ids: [...selection.ids] });
  /** The picked rows as loaded, or every matching record fetched afresh. */
  const records = async (fields: string[] = []): Promise<RecordValues[]> => {
    if (!selection.isAllMatching && !fields.length) {
      const loaded = [...selection.ids].map(recordOf);
      if (loaded.every(Boolean)) return loaded as RecordValues[];
    }
    setProgress({ label: `Finding the ${noun(2)}`, done: 0, total: count });
    return fetchTargets(definition, target(), fields, (done, all) => setProgress({ label: `Finding the ${noun(2)}`, done, total: all }));
  };

  const run = async (label: string, work: (onProgress: (done: number, all: number) => void) => Promise<BulkOutcome>, success: (outcome: BulkOutcome) => string) => {
    setDialog(undefined);
    setReport(undefined);
    try {
      const outcome = await work((done, all) => setProgress({ label, done, total: all }));
      if (outcome.problems.length) setReport({ color: 'red', title: outcome.stoppedBecause ?? `${outcome.done.toLocaleString()} of ${outcome.total.toLocaleString()} done; these were refused:`, outcome });
      else {
        setReport({ color: 'green', title: success(outcome) });
        selection.clear();
      }
    } catch (error) {
      setReport({ color: 'red', title: describeError(error) });
    } finally {
      setProgress(undefined);
      await queryClient.invalidateQueries({ queryKey: ['records', definition.name] });
      await queryClient.invalidateQueries({ queryKey: ['group', definition.name] });
    }
  };

  const applyField = (fieldName: string, draft: string) => {
    const field = definition.fields.find((candidate) => candidate.name === fieldName)!;
    void run(`Updating ${field.label}`, async (onProgress) => updateInChunks(definition, await records(), (record) => ({ [field.name]: fromDraft(field, draft, record) }), onProgress),
      (outcome) => `${field.label} set on ${outcome.done.toLocaleString()} ${noun(outcome.done)}.`);
  };
  const applyTag = (tagId: string, tagName: string, mode: 'add' | 'remove') => {
    void run(mode === 'add' ? `Tagging “${tagName}”` : `Removing the tag “${tagName}”`,
      async (onProgress) => updateInChunks(definition, await records([tags!.name]), (record) => ({ [tags!.name]: retag(record, tags!, tagId, mode) }), onProgress),
      (outcome) => `${mode === 'add' ? 'Tagged' : 'Untagged'} ${outcome.done.toLocaleString()} ${noun(outcome.done)} “${tagName}”.`);
  };
  const trash = (mode: 'delete' | 'restore') => {
    void run(mode === 'delete' ? 'Moving to the trash' : 'Restoring', async (onProgress) => trashEach(definition, await records(), mode, onProgress),
      (outcome) => `${outcome.done.toLocaleString()} ${noun(outcome.done)} ${mode === 'delete' ? 'moved to the trash' : 'restored'}.`);
  };
  const exportSelection = async () => {
    setReport(undefined);
    setProgress({ label: 'Preparing the CSV', done: 0, total: count });
    try {
      await exportCsv(definition, target(), sort, columns);
    } catch (error) {
      setReport({ color: 'red', title: `The export failed: ${describeError(error)}` });
    } finally {
      setProgress(undefined);
    }
  };

  const isBusy = progress !== undefined;
  return (
    <>
      {count > 0 && (
        <Paper withBorder p="xs" bg="indigo.0" role="region" aria-label="Bulk actions">
          <Group gap="xs" wrap="wrap" justify="space-between">
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm" aria-live="polite" data-testid="selection-count">{selection.isAllMatching ? `All ${count.toLocaleString()} matching selected` : `${count.toLocaleString()} selected`}</Text>
              {!selection.isAllMatching && total !== undefined && total > selection.ids.size && (
                <Button size="compact-sm" variant="subtle" onClick={selection.selectAllMatching}>Select all {total.toLocaleString()} matching</Button>
              )}
              <Button size="compact-sm" variant="subtle" color="gray" onClick={selection.clear}>Clear selection</Button>
            </Group>
            <Group gap="xs" wrap="wrap">
              {mayUpdate && <Button size="compact-sm" variant="default" disabled={isBusy} onClick={() => setDialog('edit')}>Edit field</Button>}
              {mayTag && <Button size="compact-sm" variant="default" disabled={isBusy} onClick={() => setDialog('tag')}>Tag</Button>}
              {mayExport && <Button size="compact-sm" variant="default" disabled={isBusy} onClick={() => void exportSelection()}>Export</Button>}
              {mayDelete && !isTrash && <Button size="compact-sm" color="red" variant="light" disabled={isBusy} onClick={() => setDialog('delete')}>Delete</Button>}
              {mayDelete && isTrash && <Button size="compact-sm" variant="default" disabled={isBusy} onClick={() => trash('restore')}>Restore</Button>}
            </Group>
          </Group>
          {progress && (
            <Stack gap={2} mt={6}>
              <Text size="xs">{progress.label}: {progress.done.toLocaleString()} of {progress.total.toLocaleString()}</Text>
              <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} size="sm" aria-label={progress.label} animated />
            </Stack>
          )}
        </Paper>
      )}
      {report && (
        <Alert color={report.color} role={report.color === 'red' ? 'alert' : 'status'} title={report.title} withCloseButton closeButtonLabel="Dismiss" onClose={() => setReport(undefined)}
          data-testid="bulk-report">
          {report.outcome?.problems.length ? (
            <List size="sm" spacing={2}>
              {report.outcome.problems.slice(0, 20).map((problem, i) => (
                <List.Item key={`${problem.id}-${i}`}><b>{problem.name}</b>{problem.field ? ` — ${problem.field}` : ''}: {problem.message}</List.Item>
              ))}
              {report.outcome.problems.length > 20 && <List.Item>and {report.outcome.problems.length - 20} more</List.Item>}
            </List>
          ) : null}
        </Alert>
      )}
      <EditFieldDialog definition={definition} count={count} noun={noun(count)} isOpen={dialog === 'edit'} onClose={() => setDialog(undefined)} onApply={applyField} />
      {mayTag && <TagDialog count={count} isOpen={dialog === 'tag'} onClose={() => setDialog(undefined)} onApply={applyTag} noun={noun(count)} />}
      <Modal opened={dialog === 'delete'} onClose={() => setDialog(undefined)} title={`Move ${count.toLocaleString()} ${noun(count)} to the trash?`}>
        <Text size="sm">They can be restored from the trash.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDialog(undefined)}>Cancel</Button>
          <Button color="red" onClick={() => trash('delete')} data-autofocus>Move {count.toLocaleString()} to the trash</Button>
        </Group>
      </Modal>
    </>
  );
}

function EditFieldDialog({ definition, count, noun, isOpen, onClose, onApply }: { definition: ObjectDescription; count: number; noun: string; isOpen: boolean; onClose: () => void; onApply: (field: string, draft: string) => void }) {
  const fields = definition.fields.filter(isEditable);
  const [fieldName, setFieldName] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const field = fields.find((candidate) => candidate.name === fieldName);
  return (
    <Modal opened={isOpen} onClose={onClose} title={`Edit a field of ${count.toLocaleString()} ${noun}`}>
      {/* noValidate: the server checks the value and names the rows it refuses. */}
      <form noValidate onSubmit={(event) => { event.preventDefault(); if (field) onApply(field.name, draft); }}>
        <Stack>
          <Select label="Field" placeholder="Choose a field" data={fields.map((candidate) => ({ value: candidate.name, label: candidate.label }))} value={fieldName}
            onChange={(value) => { setFieldName(value); setDraft(''); }} searchable comboboxProps={{ withinPortal: true }} data-autofocus />
          {field && <FieldEditor key={field.name} field={field} draft={draft} onDraft={setDraft} label={`New ${field.label.toLowerCase()}`} />}
          <Text size="xs" c="dimmed">Every selected record gets this value; an empty value clears the field.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={!field}>Apply to {count.toLocaleString()}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TagDialog({ count, noun, isOpen, onClose, onApply }: { count: number; noun: string; isOpen: boolean; onClose: () => void; onApply: (tagId: string, tagName: string, mode: 'add' | 'remove') => void }) {
  const tags = useQuery({ queryKey: ['tags'], enabled: isOpen, queryFn: ({ signal }) => listRecords('tags', { sort: 'name', fields: ['id', 'name'], limit: 500 }, signal).then((page) => page.data) });
  const [tagId, setTagId] = useState<string | null>(null);
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const tag = tags.data?.find((candidate) => candidate.id === tagId);
  return (
    <Modal opened={isOpen} onClose={onClose} title={`Tag ${count.toLocaleString()} ${noun}`}>
      <form onSubmit={(event) => { event.preventDefault(); if (tag) onApply(tag.id, String(tag.name), mode); }}>
        <Stack>
          <SegmentedControl value={mode} onChange={(value) => setMode(value as 'add' | 'remove')} data={[{ value: 'add', label: 'Add tag' }, { value: 'remove', label: 'Remove tag' }]} />
          <Select label="Tag" placeholder={tags.isLoading ? 'Loading tags…' : 'Choose a tag'} data={(tags.data ?? []).map((candidate) => ({ value: candidate.id, label: String(candidate.name) }))}
            value={tagId} onChange={setTagId} searchable nothingFoundMessage="No tag of that name" comboboxProps={{ withinPortal: true }} error={tags.error ? describeError(tags.error) : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={!tag}>{mode === 'add' ? 'Add to' : 'Remove from'} {count.toLocaleString()}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
