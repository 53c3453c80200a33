// A record's page: its fields (editable in place), the records related to it, quick add of a
// note, task or interaction, its timeline and its field history in tabs, moving it to the trash
// and back, and for people and companies their relationship scores.
import { Alert, Anchor, Breadcrumbs, Card, Grid, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../api/problem';
import type { ObjectDescription, RecordValues } from '../api/types';
import { fetchRelationLabels } from '../fields/relation-labels';
import { historyKey } from '../record/history-key';
import { QuickAdd } from '../record/quick-add';
import { RecordFields } from '../record/record-fields';
import { RecordHeader } from '../record/record-header';
import { RelatedRecords } from '../record/related-records';
import { hasRelationshipPanel, RelationshipPanel } from '../record/relationship-panel';
import { Timeline, timelineKey } from '../record/timeline';
import { getRecordEvenTrashed } from '../record/trash';
import { useObjectDefinition } from '../session/use-objects';
import { can, useSession } from '../session/use-session';

const History = lazy(() => import('../record/history'));

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
  const [params, setParams] = useSearchParams();
  const key = recordKey(definition.name, id);
  const record = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const values = await getRecordEvenTrashed(definition.name, id, signal);
      return { values, labels: await fetchRelationLabels(objects, definition.fields, [values], signal) };
    },
  });
  if (record.isLoading) return <Loader aria-label="Loading record" />;
  if (record.error || !record.data) return <Alert color="red" role="alert" title="This record could not be opened">{describeError(record.error)}</Alert>;

  const { values, labels } = record.data;
  const title = String(values[definition.displayField] ?? '') || `Untitled ${definition.labelSingular.toLowerCase()}`;
  const isTrashed = Boolean(values.deletedAt);
  const refreshAround = () => {
    void queryClient.invalidateQueries({ queryKey: timelineKey(definition.name, id) });
    void queryClient.invalidateQueries({ queryKey: historyKey(definition.name, id) });
    void queryClient.invalidateQueries({ queryKey: ['records', definition.name] });
  };
  const onSaved = (saved: RecordValues) => {
    queryClient.setQueryData(key, { values: { ...values, ...saved }, labels });
    // A new related record or user needs its name: read the labels again.
    if (definition.fields.some((field) => (field.type === 'relation' || field.type === 'user') && typeof saved[field.name] === 'string' && !labels[saved[field.name] as string])) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    refreshAround();
  };
  const onMoved = (moved: RecordValues) => {
    queryClient.setQueryData(key, { values: { ...values, ...moved }, labels });
    refreshAround();
    void queryClient.invalidateQueries({ queryKey: ['group', definition.name] });
    void queryClient.invalidateQueries({ queryKey: ['related'] });
  };
  // A trashed record has no timeline (the API answers 404 for it) but keeps its history.
  const tab = isTrashed || params.get('tab') === 'history' ? 'history' : 'timeline';
  const showTab = (value: string | null) => setParams((current) => {
    const next = new URLSearchParams(current);
    if (value === 'history') next.set('tab', 'history');
    else next.delete('tab');
    return next;
  }, { replace: true });

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/objects/${definition.name}${isTrashed ? '?trash=1' : ''}`}>{definition.labelPlural}</Anchor>
        <span>{title}</span>
      </Breadcrumbs>
      <RecordHeader definition={definition} record={values} title={title} mayDelete={can(session.data, definition.name, 'delete')}
        onMoved={onMoved} onReload={() => void record.refetch()} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <RecordFields definition={definition} record={values} labels={labels} canEdit={!isTrashed && can(session.data, definition.name, 'update')} onSaved={onSaved} />
            <RelatedRecords definition={definition} objects={objects} id={id} session={session.data ?? null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {hasRelationshipPanel(definition.name) && <RelationshipPanel definition={definition} id={id} session={session.data ?? null} />}
            {!isTrashed && <QuickAdd definition={definition} objects={objects} id={id} session={session.data ?? null} />}
            <Card withBorder padding="md">
              {/* Only the open tab is mounted: the history is fetched (and its code loaded) when first shown. */}
              <Tabs value={tab} onChange={showTab} keepMounted={false}>
                <Tabs.List mb="sm">
                  <Tabs.Tab value="timeline" disabled={isTrashed} title={isTrashed ? 'The timeline returns when the record is restored' : undefined}>Timeline</Tabs.Tab>
                  <Tabs.Tab value="history">History</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="timeline"><Timeline definition={definition} id={id} /></Tabs.Panel>
                <Tabs.Panel value="history">
                  <Suspense fallback={<Loader size="sm" aria-label="Loading history" />}><History definition={definition} objects={objects} id={id} /></Suspense>
                </Tabs.Panel>
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
