// Fields of one object: standard fields read-only, custom fields added, changed, deleted to the
// trash and restored. A new field is usable at once in lists, filters and forms, because those
// read the same definitions (GET /metadata/objects), which every change here refetches.
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, TagsInput, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { createField, deleteField, listDeletedFields, restoreField, updateField, type FieldChangeInput, type NewFieldInput } from '../api/settings';
import type { FieldDescription, ObjectDescription } from '../api/types';
import { OBJECTS_KEY, useObjects } from '../session/use-objects';
import { apiNameOf, choiceValueOf } from './api-name';
import { fieldError, ProblemAlert } from './problem-alert';
import { RowActions } from './row-actions';

export const FIELD_TYPES = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'currency', label: 'Currency' },
  { value: 'date', label: 'Date' },
  { value: 'datetime', label: 'Date and time' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Select (one choice)' },
  { value: 'multiSelect', label: 'Multi-select' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'url', label: 'URL' },
  { value: 'relation', label: 'Relation (link to a record)' },
  { value: 'rating', label: 'Rating' },
];
/** Short names for the table, standard-only types included. */
const TYPE_NAMES: Record<string, string> = {
  relation: 'Relation', select: 'Select', multiSelect: 'Multi-select', emailList: 'Emails', phoneList: 'Phones', user: 'Member',
  currencyCode: 'Currency code', collection: 'Lines', id: 'ID',
};
const typeLabel = (type: string) => TYPE_NAMES[type] ?? FIELD_TYPES.find((candidate) => candidate.value === type)?.label ?? type;
const hasChoices = (type: string) => type === 'select' || type === 'multiSelect';

export default function FieldsSection() {
  const objects = useObjects();
  const params = useParams();
  const navigate = useNavigate();
  const [isAdding, setAdding] = useState(false);
  const [editing, setEditing] = useState<FieldDescription>();
  const all = objects.data ?? [];
  const definition = all.find((object) => object.name === (params.object ?? 'people')) ?? all[0];
  if (!definition) return <Text>Loading objects…</Text>;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select label="Object" w={260} value={definition.name} allowDeselect={false} searchable
          data={all.map((object) => ({ value: object.name, label: `${object.labelPlural}${object.isCustom ? ' (custom)' : ''}` }))}
          onChange={(value) => value && navigate(`/settings/fields/${value}`)} />
        <Button onClick={() => setAdding(true)}>Add field</Button>
      </Group>
      <FieldTable definition={definition} onEdit={setEditing} />
      <DeletedFields object={definition.name} />
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={`New field of ${definition.labelPlural}`} size="lg">
        {isAdding && <NewFieldForm definition={definition} objects={all} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={`Field ${editing?.label ?? ''}`} size="lg">
        {editing && <EditFieldForm object={definition.name} field={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}

function FieldTable({ definition, onEdit }: { definition: ObjectDescription; onEdit: (field: FieldDescription) => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (field: string) => deleteField(definition.name, field),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: OBJECTS_KEY }), queryClient.invalidateQueries({ queryKey: ['deleted-fields', definition.name] })]),
  });
  return (
    <Stack gap="xs">
      <ProblemAlert error={remove.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover aria-label={`Fields of ${definition.labelPlural}`}>
          <Table.Thead>
            <Table.Tr><Table.Th>Label</Table.Th><Table.Th>API name</Table.Th><Table.Th>Type</Table.Th><Table.Th>Kind</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {definition.fields.filter((field) => !field.isSystem).map((field) => (
              <Table.Tr key={field.name} data-field={field.name}>
                <Table.Td>{field.label}{field.isRequired && <Text span c="red" aria-label="required"> *</Text>}</Table.Td>
                <Table.Td><Text ff="monospace" size="sm">{field.name}</Text></Table.Td>
                <Table.Td>{typeLabel(field.type)}</Table.Td>
                <Table.Td>{field.isCustom ? <Badge color="indigo" variant="light" style={{ flexShrink: 0 }}>Custom</Badge> : <Text size="sm" c="dimmed">Standard</Text>}</Table.Td>
                <Table.Td>
                  {field.isCustom && (
                    <RowActions what={`field ${field.label}`} onEdit={() => onEdit(field)} onDelete={() => remove.mutate(field.name)} deleting={remove.isPending && remove.variables === field.name} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function DeletedFields({ object }: { object: string }) {
  const queryClient = useQueryClient();
  const deleted = useQuery({ queryKey: ['deleted-fields', object], queryFn: () => listDeletedFields(object) });
  const restore = useMutation({
    mutationFn: (field: string) => restoreField(object, field),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: OBJECTS_KEY }), queryClient.invalidateQueries({ queryKey: ['deleted-fields', object] })]),
  });
  if (!deleted.data?.length) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Deleted fields">
      <Title order={3} size="h5">Trash</Title>
      <Text size="sm" c="dimmed">Deleted fields keep their values until purged; restoring brings them back.</Text>
      <ProblemAlert error={restore.error} />
      {deleted.data.map((field) => (
        <Group key={field.name} justify="space-between" wrap="nowrap">
          <Text size="sm">{field.label} <Text span c="dimmed" ff="monospace">{field.name}</Text></Text>
          <Button size="xs" variant="light" onClick={() => restore.mutate(field.name)} aria-label={`Restore field ${field.label}`}>Restore</Button>
        </Group>
      ))}
    </Stack>
  );
}

interface Draft {
  label: string;
  name: string;
  isNameEdited: boolean;
  type: string;
  description: string;
  isRequired: boolean;
  choices: string[];
  min: string;
  max: string;
  isInteger: boolean;
  target: string;
  cardinality: 'one' | 'many';
  currency: string;
}

function toNumber(text: string): number | undefined {
  return text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text);
}

function optionsOf(draft: Draft): Omit<NewFieldInput, 'name' | 'label' | 'type'> {
  const options: Omit<NewFieldInput, 'name' | 'label' | 'type'> = { isRequired: draft.isRequired };
  if (draft.description.trim()) options.description = draft.description.trim();
  if (hasChoices(draft.type)) options.choices = draft.choices.map((label) => ({ value: choiceValueOf(label), label }));
  if (draft.type === 'number' || draft.type === 'rating') {
    options.min = toNumber(draft.min);
    options.max = toNumber(draft.max);
  }
  if (draft.type === 'number' && draft.isInteger) options.isInteger = true;
  if (draft.type === 'relation') {
    options.target = draft.target;
    options.cardinality = draft.cardinality;
  }
  if (draft.type === 'currency' && draft.currency.trim()) options.currency = draft.currency.trim().toUpperCase();
  return options;
}

function NewFieldForm({ definition, objects, onDone }: { definition: ObjectDescription; objects: ObjectDescription[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    label: '', name: '', isNameEdited: false, type: 'text', description: '', isRequired: false, choices: [], min: '', max: '', isInteger: false,
    target: objects[0]?.name ?? '', cardinality: 'one', currency: '',
  });
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const create = useMutation({
    mutationFn: () => createField(definition.name, { name: draft.name, label: draft.label.trim(), type: draft.type, ...optionsOf(draft) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: OBJECTS_KEY });
      onDone();
    },
  });
  const error = create.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Label" required data-autofocus value={draft.label} error={fieldError(error, 'label')}
          onChange={(event) => { const label = event.currentTarget.value; set({ label, ...(draft.isNameEdited ? {} : { name: apiNameOf(label) }) }); }} />
        <TextInput label="API name" description="Used by the API, filters and imports; cannot change later" required value={draft.name}
          error={fieldError(error, 'name')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} onChange={(event) => set({ name: event.currentTarget.value, isNameEdited: true })} />
        <Select label="Type" required value={draft.type} data={FIELD_TYPES} allowDeselect={false} error={fieldError(error, 'type')}
          onChange={(type) => type && set({ type })} comboboxProps={{ withinPortal: true }} />
        <TypeOptions draft={draft} set={set} objects={objects} error={error} />
        <Textarea label="Description" autosize minRows={2} value={draft.description} error={fieldError(error, 'description')}
          onChange={(event) => set({ description: event.currentTarget.value })} />
        <Checkbox label="Required" checked={draft.isRequired} onChange={(event) => set({ isRequired: event.currentTarget.checked })} />
        <ProblemAlert error={error} shownOn={['label', 'name', 'type', 'description', 'choices', 'min', 'max', 'target', 'cardinality', 'currency']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create field</Button>
        </Group>
      </Stack>
    </form>
  );
}

function TypeOptions({ draft, set, objects, error }: { draft: Draft; set: (change: Partial<Draft>) => void; objects: ObjectDescription[]; error: unknown }) {
  if (hasChoices(draft.type)) {
    return (
      <TagsInput label="Choices" description="Type a choice and press Enter" required value={draft.choices} error={fieldError(error, 'choices')}
        onChange={(choices) => set({ choices })} comboboxProps={{ withinPortal: true }} />
    );
  }
  if (draft.type === 'number' || draft.type === 'rating') {
    return (
      <Group grow>
        <NumberInput label="Minimum" value={draft.min} onChange={(value) => set({ min: String(value) })} error={fieldError(error, 'min')} />
        <NumberInput label="Maximum" value={draft.max} onChange={(value) => set({ max: String(value) })} error={fieldError(error, 'max')} />
        {draft.type === 'number' && <Checkbox mt={28} label="Whole numbers only" checked={draft.isInteger} onChange={(event) => set({ isInteger: event.currentTarget.checked })} />}
      </Group>
    );
  }
  if (draft.type === 'relation') {
    return (
      <Group grow>
        <Select label="Links to" required value={draft.target} allowDeselect={false} error={fieldError(error, 'target')} comboboxProps={{ withinPortal: true }}
          data={objects.map((object) => ({ value: object.name, label: object.labelSingular }))} onChange={(target) => target && set({ target })} />
        <Select label="How many" value={draft.cardinality} allowDeselect={false} error={fieldError(error, 'cardinality')} comboboxProps={{ withinPortal: true }}
          data={[{ value: 'one', label: 'One record' }, { value: 'many', label: 'Several records' }]} onChange={(value) => value && set({ cardinality: value as Draft['cardinality'] })} />
      </Group>
    );
  }
  if (draft.type === 'currency') {
    return (
      <TextInput label="Currency" description="ISO 4217 code such as EUR; leave empty to use the record's currency" maxLength={3} value={draft.currency}
        error={fieldError(error, 'currency')} onChange={(event) => set({ currency: event.currentTarget.value })} />
    );
  }
  return null;
}

function EditFieldForm({ object, field, onDone }: { object: string; field: FieldDescription; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(field.label);
  const [description, setDescription] = useState(field.description ?? '');
  const [isRequired, setRequired] = useState(Boolean(field.isRequired));
  const [choices, setChoices] = useState((field.choices ?? []).map((choice) => choice.label));
  const save = useMutation({
    mutationFn: () => {
      const change: FieldChangeInput = { label: label.trim(), description, isRequired };
      if (hasChoices(field.type)) {
        // Keep the stored value of a choice that is only relabelled.
        const known = new Map((field.choices ?? []).map((choice) => [choice.label, choice]));
        change.choices = choices.map((choiceLabel) => known.get(choiceLabel) ?? { value: choiceValueOf(choiceLabel), label: choiceLabel });
      }
      return updateField(object, field.name, change);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: OBJECTS_KEY });
      onDone();
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">API name <Text span ff="monospace">{field.name}</Text> · {typeLabel(field.type)} (name and type are fixed)</Text>
        <TextInput label="Label" required data-autofocus value={label} onChange={(event) => setLabel(event.currentTarget.value)} error={fieldError(save.error, 'label')} />
        {hasChoices(field.type) && (
          <TagsInput label="Choices" value={choices} onChange={setChoices} error={fieldError(save.error, 'choices')} comboboxProps={{ withinPortal: true }} />
        )}
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(save.error, 'description')} />
        <Checkbox label="Required" checked={isRequired} onChange={(event) => setRequired(event.currentTarget.checked)} />
        <ProblemAlert error={save.error} shownOn={['label', 'choices', 'description']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}
