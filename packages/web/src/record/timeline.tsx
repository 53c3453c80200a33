// A record's timeline, newest first: interactions, notes, tasks, deals, cases, orders, survey
// answers and field changes. The next page loads as its end scrolls into view.
import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/problem';
import { timelinePage } from '../api/records';
import type { ObjectDescription, TimelineEntry } from '../api/types';
import { formatInstant, formatValue } from '../fields/format';

const KIND_COLOURS: Record<string, string> = { interaction: 'blue', note: 'yellow', task: 'grape', deal: 'green', case: 'red', order: 'teal', surveyResponse: 'orange', change: 'gray' };

export const timelineKey = (object: string, id: string) => ['timeline', object, id] as const;

function ChangeLine({ entry, definition }: { entry: TimelineEntry; definition: ObjectDescription }) {
  const { field: name, oldValue, newValue, operation } = entry.data as { field: string | null; oldValue: unknown; newValue: unknown; operation: string };
  const field = definition.fields.find((candidate) => candidate.name === name);
  if (!field) return <Text size="sm">{operation === 'create' ? 'Created' : operation === 'delete' ? 'Moved to the trash' : operation === 'restore' ? 'Restored' : `Changed ${name ?? ''}`}</Text>;
  const show = (value: unknown) => formatValue(field, { [field.name]: value }) || 'empty';
  return <Text size="sm"><b>{field.label}</b>: {show(oldValue)} → {show(newValue)}</Text>;
}

export function Timeline({ definition, id }: { definition: ObjectDescription; id: string }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const query = useInfiniteQuery({
    queryKey: timelineKey(definition.name, id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => timelinePage(definition.name, id, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((item) => item.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">Timeline</Title>
      {query.isLoading && <Loader size="sm" aria-label="Loading timeline" />}
      {query.error && <Text c="red" role="alert">{describeError(query.error)}</Text>}
      {!query.isLoading && entries.length === 0 && <Text size="sm" c="dimmed">Nothing has happened here yet.</Text>}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Timeline entries">
        {entries.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} data-kind={entry.kind}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="sm" variant="light" color={KIND_COLOURS[entry.kind] ?? 'gray'} style={{ flexShrink: 0 }}>{entry.kind === 'surveyResponse' ? 'survey' : entry.kind}</Badge>
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                {entry.kind === 'change' ? <ChangeLine entry={entry} definition={definition} /> : (
                  <Anchor component={Link} to={`/objects/${entry.object}/${entry.id}`} size="sm" fw={500}>{entry.title || 'Untitled'}</Anchor>
                )}
                {typeof entry.data.body === 'string' && entry.kind !== 'change' && (
                  <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>{entry.data.body}</Text>
                )}
                <Text size="xs" c="dimmed"><time dateTime={entry.at}>{formatInstant(entry.at)}</time></Text>
              </Stack>
            </Group>
          </li>
        ))}
      </Stack>
      <div ref={sentinel} />
      {hasNextPage && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => fetchNextPage()} loading={isFetchingNextPage}>Load older entries</Button>
      )}
    </Card>
  );
}
