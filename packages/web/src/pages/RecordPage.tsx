// One record: its fields (editable, saved with If-Match so that a stale edit says what changed),
// and its timeline, newest first with more as you ask, with a quick note.
import { Alert, Badge, Button, Card, Grid, Group, Loader, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type FieldDescription, type ObjectDescription, type RecordValues } from '../api';
import { formatValue, isEditable, parseInput, toInput } from '../format';
import { AnchorLink } from '../links';
import { recordRoute } from '../main';
import { namesFor, useMemberNames } from '../names';
import { useMe, useObject, useObjects } from '../session';

interface TimelineEntry {
  kind: string;
  object: string;
  id: string;
  at: string;
  title: string | null;
  data: Record<string, unknown>;
}

export function RecordPage() {
  const { object: name, id } = recordRoute.useParams();
  const object = useObject(name);
  const record = useQuery({ queryKey: ['record', name, id], queryFn: async () => (await api<RecordValues>('GET', `/objects/${name}/${id}`)).body });
  if (!object || record.isPending) return <Loader m="xl" aria-label="Loading" />;
  if (record.error) return <Alert color="red" title="Cannot show this record">{(record.error as Error).message}</Alert>;
  return (
    <Stack>
      <Group gap="xs">
        <AnchorLink to="/o/$object" params={{ object: name }} size="sm">{object.labelPlural}</AnchorLink>
        <Text size="sm" c="dimmed">/</Text>
      </Group>
      <Title order={2}>{formatValue(object.fields.find((f) => f.name === object.displayField)!, record.data[object.displayField]) || `(no ${object.labelSingular.toLowerCase()} name)`}</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><Fields object={object} record={record.data} /></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Timeline object={object} id={id} /></Grid.Col>
      </Grid>
    </Stack>
  );
}

function Fields({ object, record }: { object: ObjectDescription; record: RecordValues }) {
  const me = useMe().data!;
  const canEdit = me.permissions.objects[object.name]?.includes('update');
  const fields = object.fields.filter((f) => !f.isSystem && f.type !== 'collection');
  const objects = useObjects().data ?? [];
  const members = useMemberNames();
  const related = useQuery({ queryKey: ['names', object.name, record.id, record.version], queryFn: () => namesFor(objects, fields, [record]), enabled: objects.length > 0 });
  const names = new Map([...members, ...(related.data ?? [])]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  /** Fields the user typed in since the last save: a newer version of the record never overwrites them. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => setDraft((current) => Object.fromEntries(fields.map((f) => [f.name, touched.has(f.name) ? current[f.name] : toInput(f, record[f.name])]))), [record.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const changed = fields.filter((f) => isEditable(f) && draft[f.name] !== undefined && draft[f.name] !== toInput(f, record[f.name]));
  const edit = (name: string, value: string) => {
    setDraft({ ...draft, [name]: value });
    setTouched(new Set([...touched, name]));
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = Object.fromEntries(changed.map((f) => [f.name, parseInput(f, draft[f.name])]));
      const saved = (await api<RecordValues>('PATCH', `/objects/${object.name}/${record.id}`, body, { 'if-match': `"${record.version}"` })).body;
      setTouched(new Set());
      queryClient.setQueryData(['record', object.name, record.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['timeline', object.name, record.id] });
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setSaving(false);
    }
  };
  const reload = async () => {
    queryClient.setQueryData(['record', object.name, record.id], (await api<RecordValues>('GET', `/objects/${object.name}/${record.id}`)).body);
    setError(null);
  };

  return (
    <Card withBorder component="form" onSubmit={save}>
      <Stack gap="xs">
        {error?.status === 409 && (
          <Alert color="orange" title="Someone else changed this record" role="alert">
            Your changes are kept. <Button variant="subtle" size="compact-sm" onClick={reload}>Load their version</Button> and save again.
          </Alert>
        )}
        {error && error.status !== 409 && <Alert color="red" role="alert">{error.message}</Alert>}
        {fields.map((field) => <FieldInput key={field.name} field={field} value={draft[field.name] ?? ''} display={formatValue(field, record[field.name], String(record.currency ?? ''), names)}
          editable={canEdit && isEditable(field)} error={error?.about(field.name)} onChange={(value) => edit(field.name, value)} />)}
        {canEdit && <Group justify="flex-end"><Button type="submit" loading={saving} disabled={changed.length === 0}>Save</Button></Group>}
      </Stack>
    </Card>
  );
}

function FieldInput({ field, value, display, editable, error, onChange }: { field: FieldDescription; value: string; display: string; editable: boolean; error?: string; onChange(value: string): void }) {
  if (!editable) {
    return (
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>{field.label}</Text>
        <Text size="sm">{display}</Text>
      </Group>
    );
  }
  if (field.type === 'select' || field.type === 'boolean') {
    const data = field.type === 'boolean' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : field.choices ?? [];
    return <Select label={field.label} data={data} value={value || null} onChange={(v) => onChange(v ?? '')} clearable error={error} size="sm" />;
  }
  return <TextInput label={field.label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} size="sm"
    type={field.type === 'date' ? 'date' : field.type === 'number' || field.type === 'currency' || field.type === 'rating' ? 'number' : 'text'} />;
}

function Timeline({ object, id }: { object: ObjectDescription; id: string }) {
  const objects = useObjects().data ?? [];
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', object.name, id],
    initialPageParam: '',
    queryFn: async ({ pageParam }) => (await api<{ data: TimelineEntry[]; nextCursor: string | null }>('GET', `/objects/${object.name}/${id}/timeline?limit=25${pageParam ? `&cursor=${pageParam}` : ''}`)).body,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const notes = objects.find((o) => o.name === 'notes');
  const link = notes?.fields.find((f) => f.type === 'relation' && f.relation?.target === object.name && f.relation.cardinality === 'one');
  const entries = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">Timeline</Title>
        {link && <QuickNote linkField={link.name} id={id} objectName={object.name} />}
        {timeline.isPending && <Loader size="sm" aria-label="Loading timeline" />}
        {entries.length === 0 && !timeline.isPending && <Text size="sm" c="dimmed">Nothing yet.</Text>}
        <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Timeline">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>{entry.kind}</Badge>
                <Text size="sm" style={{ flex: 1 }} lineClamp={2}>{entry.title ?? String(entry.data.body ?? '')}</Text>
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{new Date(entry.at).toLocaleDateString()}</Text>
              </Group>
            </li>
          ))}
        </Stack>
        {timeline.hasNextPage && <Button variant="subtle" size="xs" onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>Older</Button>}
      </Stack>
    </Card>
  );
}

function QuickNote({ linkField, id, objectName }: { linkField: string; id: string; objectName: string }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api('POST', '/objects/notes', { body, [linkField]: id });
      setBody('');
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['timeline', objectName, id] });
    } catch (caught) {
      setError((caught as ApiError).about('body') ?? (caught as Error).message);
    }
  };
  return (
    <form onSubmit={add}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea aria-label="New note" placeholder="Add a note…" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={1} error={error} style={{ flex: 1 }} />
        <Button type="submit" disabled={!body.trim()}>Add note</Button>
      </Group>
    </form>
  );
}
