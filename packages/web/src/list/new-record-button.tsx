// "New …" on a list: a dialog with the object's required, named and listed fields (custom
// objects' too). The server's field errors show under their inputs; what was typed survives a
// failed request or a reload; a created record opens on its page.
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import { createRecord } from '../api/records';
import type { ObjectDescription } from '../api/types';
import { FieldEditor } from '../fields/field-editor';
import { formFields, initialDrafts, valuesFromDrafts } from '../fields/form-fields';
import { useUnsentDraft } from '../record/unsent-draft';

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
  const initial = useCallback(() => initialDrafts(fields), [fields]);
  const { drafts, setDraft, clear, wasRestored } = useUnsentDraft(`new:${definition.name}`, initial);
  const [problem, setProblem] = useState<Error>();
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await createRecord(definition.name, valuesFromDrafts(fields, drafts));
      clear();
      void queryClient.invalidateQueries({ queryKey: ['records', definition.name] });
      navigate(`/objects/${definition.name}/${created.id}`);
    } catch (error) {
      setProblem(error as Error);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => (problem instanceof ApiProblem ? problem.messageFor(name) : undefined);
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
