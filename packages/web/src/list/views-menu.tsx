// The saved views of a list: pick one (its columns, filter and sort replace the current ones),
// save the current view under a name (personal, or shared when the role may share), update the
// picked view with what is on screen, or delete it.
import { Alert, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, describeError } from '../api/problem';
import type { ObjectDescription } from '../api/types';
import { createView, deleteView, listViews, updateView, type SavedView } from '../api/views';
import { BESIDE_INPUTS } from './filter-input';
import { isSameView, viewOf, type ListView } from './view-params';

export const viewsKey = (object: string) => ['views', object] as const;

/** The caller's views of an object and the workspace's shared ones. */
export function useSavedViews(object: string) {
  return useQuery({ queryKey: viewsKey(object), queryFn: ({ signal }) => listViews(object, signal) });
}

export interface ViewsMenuProps {
  definition: ObjectDescription;
  current: ListView;
  /** The saved view the list started from, if any. */
  selected?: SavedView;
  views: SavedView[];
  canShare: boolean;
  onPick: (view: SavedView) => void;
  onSaved: (view: SavedView) => void;
  onDeleted: () => void;
}

export function ViewsMenu({ definition, current, selected, views, canShare, onPick, onSaved, onDeleted }: ViewsMenuProps) {
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: viewsKey(definition.name) });
  const isModified = selected !== undefined && !isSameView(current, viewOf(definition, selected));
  const content = { columns: current.columns, filter: current.filter.trim(), sort: current.sort ?? null };

  const update = useMutation({
    mutationFn: (view: SavedView) => updateView(view.id, content, view.version),
    onSuccess: (view) => { void refresh(); onSaved(view); },
    // Someone changed the view meanwhile: reload the list so the next attempt starts from theirs.
    onError: () => { void refresh(); },
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => deleteView(view.id, view.version),
    onSuccess: () => { setDeleting(false); void refresh(); onDeleted(); },
    onError: () => { void refresh(); },
  });

  const shared = views.filter((view) => view.isShared);
  const mine = views.filter((view) => !view.isShared);
  const item = (view: SavedView) => (
    <Menu.Item key={view.id} onClick={() => onPick(view)} aria-current={view.id === selected?.id ? 'true' : undefined}
      fw={view.id === selected?.id ? 600 : undefined}>{view.name}</Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-start" withinPortal shadow="md" width={260}>
        <Menu.Target>
          <Button variant="default" mt={BESIDE_INPUTS} maw={260}>
            <Text span truncate="end" size="sm" fw={500}>{selected ? `View: ${selected.name}${isModified ? ' (changed)' : ''}` : 'Views'}</Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {shared.length > 0 && <Menu.Label>Shared with the workspace</Menu.Label>}
          {shared.map(item)}
          <Menu.Label>My views</Menu.Label>
          {mine.length ? mine.map(item) : <Menu.Item disabled>No saved views yet</Menu.Item>}
          <Menu.Divider />
          <Menu.Item onClick={() => setSaving(true)}>Save view as…</Menu.Item>
          {selected?.isEditable && <Menu.Item disabled={!isModified || update.isPending} onClick={() => update.mutate(selected)}>Update “{selected.name}”</Menu.Item>}
          {selected?.isEditable && <Menu.Item color="red" onClick={() => setDeleting(true)}>Delete “{selected.name}”…</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      {update.error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => update.reset()} title="The view was not updated" w="100%">
          {update.error instanceof ApiProblem && update.error.isConflict ? 'Someone changed this view after you opened it; pick it again to see their version.' : describeError(update.error)}
        </Alert>
      )}
      {isSaving && (
        <SaveViewModal definition={definition} content={content} canShare={canShare} initialName={selected ? `${selected.name} (copy)` : ''}
          onClose={() => setSaving(false)} onSaved={(view) => { setSaving(false); void refresh(); onSaved(view); }} />
      )}
      <Modal opened={isDeleting && !!selected} onClose={() => setDeleting(false)} title="Delete view" centered>
        <Stack>
          <Text size="sm">Delete “{selected?.name}”{selected?.isShared ? ' for everyone in the workspace' : ''}? The records stay as they are.</Text>
          {remove.error && <Alert color="red" role="alert">{describeError(remove.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>Cancel</Button>
            <Button color="red" loading={remove.isPending} onClick={() => selected && remove.mutate(selected)}>Delete</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface SaveViewModalProps {
  definition: ObjectDescription;
  content: { columns: string[]; filter: string; sort: string | null };
  canShare: boolean;
  initialName: string;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}

function SaveViewModal({ definition, content, canShare, initialName, onClose, onSaved }: SaveViewModalProps) {
  const [name, setName] = useState(initialName);
  const [isShared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => createView({ object: definition.name, name: name.trim(), ...content, isShared: canShare && isShared }),
    onSuccess: onSaved,
  });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Save this view of ${definition.labelPlural.toLowerCase()}`} centered>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" data-autofocus required maxLength={100} value={name} onChange={(event) => setName(event.currentTarget.value)}
            error={problem?.messageFor('name')} />
          {canShare && (
            <Checkbox label="Share with everyone in the workspace" description="Everyone who can see these records will find it in their views menu"
              checked={isShared} onChange={(event) => setShared(event.currentTarget.checked)} />
          )}
          {save.error && !problem?.messageFor('name') && <Alert color="red" role="alert" title="The view was not saved">{describeError(save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>Save view</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
