// Custom objects: create, relabel, delete (records are kept) and restore. Their fields are edited
// in the Fields section like any other object's.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { createObject, deleteObject, restoreObject, updateObject } from '../api/settings';
import type { ObjectDescription } from '../api/types';
import { OBJECTS_KEY, useObjects } from '../session/use-objects';
import { apiNameOf } from './api-name';
import { fieldError, ProblemAlert } from './problem-alert';
import { RowActions } from './row-actions';

export default function ObjectsSection() {
  const objects = useObjects();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ObjectDescription | 'new'>();
  const [deleted, setDeleted] = useState<ObjectDescription[]>([]);
  const [restoreName, setRestoreName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: OBJECTS_KEY });
  const remove = useMutation({
    mutationFn: (object: ObjectDescription) => deleteObject(object.name),
    onSuccess: (_, object) => setDeleted((current) => [object, ...current.filter((other) => other.name !== object.name)]),
    onSettled: refresh,
  });
  const restore = useMutation({
    mutationFn: (name: string) => restoreObject(name),
    onSuccess: (_, name) => {
      setDeleted((current) => current.filter((object) => object.name !== name));
      setRestoreName('');
    },
    onSettled: refresh,
  });
  const custom = (objects.data ?? []).filter((object) => object.isCustom);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">Custom objects get a list, record pages, filters, import and the API like standard ones.</Text>
        <Button onClick={() => setEditing('new')}>New object</Button>
      </Group>
      <ProblemAlert error={remove.error ?? restore.error} />
      {custom.length === 0 ? <Text>No custom objects yet.</Text> : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Custom objects" striped>
            <Table.Thead><Table.Tr><Table.Th>Object</Table.Th><Table.Th>API name</Table.Th><Table.Th>Fields</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {custom.map((object) => (
                <Table.Tr key={object.name}>
                  <Table.Td>{object.labelPlural}</Table.Td>
                  <Table.Td><Text ff="monospace" size="sm">{object.name}</Text></Table.Td>
                  <Table.Td><Button component={Link} to={`/settings/fields/${object.name}`} size="xs" variant="subtle">{object.fields.filter((field) => !field.isSystem).length} fields</Button></Table.Td>
                  <Table.Td>
                    <RowActions what={`object ${object.labelPlural}`} onEdit={() => setEditing(object)} onDelete={() => remove.mutate(object)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deleted.map((object) => (
        <Alert key={object.name} color="gray" title={`${object.labelPlural} deleted`}>
          <Group justify="space-between">
            <Text size="sm">Its records are kept and come back with it.</Text>
            <Button size="xs" variant="light" onClick={() => restore.mutate(object.name)}>Restore {object.labelPlural}</Button>
          </Group>
        </Alert>
      ))}
      <form onSubmit={(event) => { event.preventDefault(); if (restoreName.trim()) restore.mutate(restoreName.trim()); }}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Restore a deleted object" description="Its API name" placeholder="projects" value={restoreName} w={260}
            onChange={(event) => setRestoreName(event.currentTarget.value)} />
          <Button type="submit" variant="default" loading={restore.isPending}>Restore</Button>
        </Group>
      </form>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={editing === 'new' ? 'New custom object' : `Object ${editing?.labelPlural ?? ''}`}>
        {editing && <ObjectForm object={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}

function ObjectForm({ object, onDone }: { object?: ObjectDescription; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [labelSingular, setSingular] = useState(object?.labelSingular ?? '');
  const [labelPlural, setPlural] = useState(object?.labelPlural ?? '');
  const [name, setName] = useState(object?.name ?? '');
  const [isNameEdited, setNameEdited] = useState(false);
  const [description, setDescription] = useState(object?.description ?? '');
  const save = useMutation({
    mutationFn: () => object
      ? updateObject(object.name, { labelSingular, labelPlural, description })
      : createObject({ name, labelSingular, labelPlural, ...(description ? { description } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: OBJECTS_KEY });
      onDone();
    },
  });
  const error = save.error;
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Singular label" placeholder="Project" required data-autofocus value={labelSingular} error={fieldError(error, 'labelSingular')}
          onChange={(event) => setSingular(event.currentTarget.value)} />
        <TextInput label="Plural label" placeholder="Projects" required value={labelPlural} error={fieldError(error, 'labelPlural')}
          onChange={(event) => { const plural = event.currentTarget.value; setPlural(plural); if (!object && !isNameEdited) setName(apiNameOf(plural)); }} />
        {!object && (
          <TextInput label="API name" description="camelCase plural; cannot change later" required styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} value={name} error={fieldError(error, 'name')}
            onChange={(event) => { setName(event.currentTarget.value); setNameEdited(true); }} />
        )}
        <Textarea label="Description" autosize minRows={2} value={description} error={fieldError(error, 'description')} onChange={(event) => setDescription(event.currentTarget.value)} />
        <ProblemAlert error={error} shownOn={['labelSingular', 'labelPlural', 'name', 'description']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{object ? 'Save' : 'Create object'}</Button>
        </Group>
        {!object && <Badge variant="light" color="gray">A Name field is added; add more in Fields</Badge>}
      </Stack>
    </form>
  );
}
