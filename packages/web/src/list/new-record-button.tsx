// "New …" on a list: a dialog with the object's required, named and listed fields (custom
// objects' too). The server's field errors show under their inputs; what was typed survives a
// failed request or a reload; a created record opens on its page.
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import type { ObjectDescription } from '../api/types';
import { FieldEditor } from '../fields/field-editor';
import { formFields } from '../fields/form-fields';
import { useCreationForm } from '../record/use-creation-form';

export function NewRecordButton({ definition }: { definition: ObjectDescription }) {
  const [isOpen, setOpen] = useState(false);
  const noun = definition.labelSingular.toLowerCase();
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>New {noun}</Button>
      <Modal opened={isOpen} onClose={() => setOpen(false)} title={`New ${noun}`} size="lg">
        {isOpen && <NewRecordForm definition={definition} onCancel={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function NewRecordForm({ definition, onCancel }: { definition: ObjectDescription; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fields = useMemo(() => formFields(definition, { isStandalone: true }), [definition]);
  const { drafts, setDraft, wasRestored, problem, isBusy, submit, fieldError } = useCreationForm({
    object: definition.name, fields, draftKey: `new:${definition.name}`,
    onCreated: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['records', definition.name] });
      navigate(`/objects/${definition.name}/${created.id}`);
    },
  });

  const unplaced = problem && !(problem instanceof ApiProblem && problem.errors.length > 0 && problem.errors.every((error) => fields.some((field) => field.name === error.field)));
  return (
    <form onSubmit={submit} aria-label={`New ${definition.labelSingular.toLowerCase()}`} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {fields.map((field) => (
            <FieldEditor key={field.name} field={field} label={field.label} draft={drafts[field.name] ?? ''} isMultiline
              onDraft={(draft) => setDraft(field.name, draft)} error={fieldError(field.name)} autoFocus={field === fields[0]} />
          ))}
        </SimpleGrid>
        {wasRestored && !problem && <Text size="xs" c="dimmed">Restored what you had typed and not yet saved.</Text>}
        {unplaced && <Alert color="red" role="alert" title="Not saved">{describeError(problem)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={isBusy}>Create {definition.labelSingular.toLowerCase()}</Button>
        </Group>
      </Stack>
    </form>
  );
}
