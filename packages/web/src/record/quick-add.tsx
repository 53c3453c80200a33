// Quick add of a note, task or interaction about this record. The form is built from the
// object's definition (its required and listed fields) and links the new record here through
// whichever relation (or participant list) of that object points at this record's object. What
// is typed and not yet added survives a failed request and a reload (kept per record and kind).
import { Alert, Button, Card, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiProblem, describeError, NetworkError } from '../api/problem';
import type { FieldDescription, ObjectDescription, Session } from '../api/types';
import { FieldEditor } from '../fields/field-editor';
import { formFields } from '../fields/form-fields';
import { can } from '../session/use-session';
import { timelineKey } from './timeline';
import { hasUnsentDraft } from './unsent-draft';
import { useCreationForm } from './use-creation-form';

const KINDS = ['notes', 'tasks', 'interactions'];

interface Kind { definition: ObjectDescription; fields: FieldDescription[]; link: (id: string) => Record<string, unknown> }

/** How a record of `source` is tied to a record of `target`, or undefined when it cannot be. */
function linkOf(source: ObjectDescription, target: string): Kind['link'] | undefined {
  const direct = source.fields.find((field) => field.type === 'relation' && field.relation?.target === target && field.relation.cardinality === 'one' && !field.isReadOnly);
  if (direct) return (id) => ({ [direct.name]: id });
  for (const field of source.fields) {
    const items = (field.collection?.fields ?? []) as FieldDescription[];
    const item = items.find((candidate) => candidate.type === 'relation' && candidate.relation?.target === target);
    if (!item) continue;
    const required = items.filter((candidate) => candidate.isRequired && candidate !== item && candidate.choices?.length);
    return (id) => ({ [field.name]: [{ [item.name]: id, ...Object.fromEntries(required.map((other) => [other.name, other.choices![0].value])) }] });
  }
  return undefined;
}

export function QuickAdd({ definition, objects, id, session }: { definition: ObjectDescription; objects: ObjectDescription[]; id: string; session: Session | null }) {
  const kinds = useMemo(() => KINDS.flatMap((name): Kind[] => {
    const source = objects.find((object) => object.name === name);
    const link = source && can(session, name, 'create') ? linkOf(source, definition.name) : undefined;
    return source && link ? [{ definition: source, fields: formFields(source), link }] : [];
  }), [objects, definition.name, session]);
  // Open the kind someone was typing before a reload, if any.
  const [chosen, setChosen] = useState(() => kinds.find((candidate) => hasUnsentDraft(draftKey(candidate, definition.name, id)))?.definition.name ?? kinds[0]?.definition.name);
  const kind = kinds.find((candidate) => candidate.definition.name === chosen) ?? kinds[0];
  if (!kind) return null;
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">Add</Title>
      <SegmentedControl fullWidth mb="sm" value={kind.definition.name} onChange={setChosen} aria-label="Kind of record to add"
        data={kinds.map((candidate) => ({ value: candidate.definition.name, label: candidate.definition.labelSingular }))} />
      <QuickAddForm key={kind.definition.name} kind={kind} object={definition.name} id={id} />
    </Card>
  );
}

const draftKey = (kind: Kind, object: string, id: string) => `quick-add:${object}:${id}:${kind.definition.name}`;

function QuickAddForm({ kind, object, id }: { kind: Kind; object: string; id: string }) {
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<string>();
  const { drafts, setDraft, wasRestored, problem, isBusy, submit, fieldError } = useCreationForm({
    object: kind.definition.name, fields: kind.fields, draftKey: draftKey(kind, object, id), base: kind.link(id),
    onCreated: async () => {
      setAdded(`${kind.definition.labelSingular} added.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: timelineKey(object, id) }),
        queryClient.invalidateQueries({ queryKey: ['related'] }),
      ]);
    },
  });

  const unplaced = problem && !(problem instanceof ApiProblem && problem.errors.some((error) => kind.fields.some((field) => field.name === error.field)));
  return (
    <form onSubmit={(event) => { setAdded(undefined); void submit(event); }} aria-label={`New ${kind.definition.labelSingular.toLowerCase()}`}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {kind.fields.map((field) => (
            <div key={field.name} style={field.type === 'text' && (field.maxLength ?? 0) > 1000 ? { gridColumn: '1 / -1' } : undefined}>
              <FieldEditor field={field} label={field.label} draft={drafts[field.name] ?? ''} isMultiline
                onDraft={(draft) => setDraft(field.name, draft)} error={fieldError(field.name)} />
            </div>
          ))}
        </SimpleGrid>
        {wasRestored && !problem && !added && <Text size="xs" c="dimmed">Restored what you had typed and not yet added.</Text>}
        {unplaced && <Alert color="red" role="alert" title={problem instanceof NetworkError ? 'Not added' : undefined}>{describeError(problem)}</Alert>}
        {added && <Alert color="green" role="status">{added}</Alert>}
        <Button type="submit" loading={isBusy} style={{ alignSelf: 'flex-start' }}>Add {kind.definition.labelSingular.toLowerCase()}</Button>
      </Stack>
    </form>
  );
}
