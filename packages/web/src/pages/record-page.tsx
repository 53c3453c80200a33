// A record's page: its fields (editable in place), the records related to it, quick add of a
// note, task or interaction, its timeline, and for people and companies their relationship scores.
import { Alert, Anchor, Badge, Breadcrumbs, Grid, Loader, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getRecord } from '../api/records';
import { describeError } from '../api/problem';
import type { ObjectDescription, RecordValues } from '../api/types';
import { fetchRelationLabels } from '../fields/relation-labels';
import { QuickAdd } from '../record/quick-add';
import { RecordFields } from '../record/record-fields';
import { RelatedRecords } from '../record/related-records';
import { hasRelationshipPanel, RelationshipPanel } from '../record/relationship-panel';
import { Timeline } from '../record/timeline';
import { useObjectDefinition } from '../session/use-objects';
import { can, useSession } from '../session/use-session';

export function RecordPage() {
  const { object, id } = useParams();
  const { definition, all, isLoading } = useObjectDefinition(object);
  if (isLoading) return <Loader aria-label="Loading" />;
  if (!definition || !all || !id) return <Alert color="red" title="Unknown object">There is no object called “{object}” in this workspace.</Alert>;
  return <RecordView key={id} definition={definition} objects={all} id={id} />;
}

export const recordKey = (object: string, id: string) => ['record', object, id] as const;

function RecordView({ definition, objects, id }: { definition: ObjectDescription; objects: ObjectDescription[]; id: string }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const key = recordKey(definition.name, id);
  const record = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const values = await getRecord(definition.name, id, signal);
      return { values, labels: await fetchRelationLabels(objects, definition.fields, [values], signal) };
    },
  });
  if (record.isLoading) return <Loader aria-label="Loading record" />;
  if (record.error || !record.data) return <Alert color="red" role="alert" title="This record could not be opened">{describeError(record.error)}</Alert>;

  const { values, labels } = record.data;
  const title = String(values[definition.displayField] ?? '') || `Untitled ${definition.labelSingular.toLowerCase()}`;
  const onSaved = (saved: RecordValues) => {
    queryClient.setQueryData(key, { values: { ...values, ...saved }, labels });
    void queryClient.invalidateQueries({ queryKey: ['timeline', definition.name, id] });
    void queryClient.invalidateQueries({ queryKey: ['records', definition.name] });
  };

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/objects/${definition.name}`}>{definition.labelPlural}</Anchor>
        <span>{title}</span>
      </Breadcrumbs>
      <Title order={2}>{title} {values.deletedAt ? <Badge color="gray">In the trash</Badge> : null}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <RecordFields definition={definition} record={values} labels={labels} canEdit={can(session.data, definition.name, 'update')} onSaved={onSaved} />
            <RelatedRecords definition={definition} objects={objects} id={id} session={session.data ?? null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {hasRelationshipPanel(definition.name) && <RelationshipPanel definition={definition} id={id} session={session.data ?? null} />}
            <QuickAdd definition={definition} objects={objects} id={id} session={session.data ?? null} />
            <Timeline definition={definition} id={id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
