// A record's timeline, newest first: interactions, notes, tasks, deals, cases, orders, survey
// answers and field changes, narrowed to some kinds by the chips above it. The next page loads
// as its end scrolls into view.
import { Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/problem';
import { timelinePage } from '../api/records';
import type { ObjectDescription, TimelineEntry } from '../api/types';
import { formatInstant } from '../fields/format';
import { ValueChange } from '../fields/value-change';
import { kindColour, TIMELINE_KINDS, TimelineKindFilter } from './timeline-kinds';

/** Every timeline query of a record starts with this key (the kinds follow), so one invalidation reaches them all. */
export const timelineKey = (object: string, id: string) => ['timeline', object, id] as const;

function ChangeLine({ entry, definition }: { entry: TimelineEntry; definition: ObjectDescription }) {
  const { field: name, oldValue, newValue, operation } = entry.data as { field: string | null; oldValue: unknown; newValue: unknown; operation: string };
  const field = definition.fields.find((candidate) => candidate.name === name);
  if (!field || !name) return <Text size="sm">{operation === 'create' ? 'Created' : operation === 'delete' ? 'Moved to the trash' : operation === 'restore' ? 'Restored' : `Changed ${name ?? ''}`}</Text>;
  return <ValueChange field={field} name={name} before={oldValue} after={newValue} />;
}

export function Timeline({ definition, id }: { definition: ObjectDescription; id: string }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [kinds, setKinds] = useState<string[]>([]);
  const query = useInfiniteQuery({
    queryKey: [...timelineKey(definition.name, id), { kinds }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => timelinePage(definition.name, id, { cursor: pageParam, kinds }, signal),
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
    <Stack gap="sm">
      <TimelineKindFilter kinds={kinds} onChange={setKinds} />
      {query.isLoading && <Loader size="sm" aria-label="Loading timeline" />}
      {query.error && <Text c="red" role="alert">{describeError(query.error)}</Text>}
      {!query.isLoading && !query.error && entries.length === 0 && (
        <Text size="sm" c="dimmed">{kinds.length ? `No ${kinds.map((kind) => TIMELINE_KINDS.find((item) => item.kind === kind)?.label.toLowerCase() ?? kind).join(' or ')} here yet.` : 'Nothing has happened here yet.'}</Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Timeline entries">
        {entries.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} data-kind={entry.kind}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="sm" variant="light" color={kindColour(entry.kind)} style={{ flexShrink: 0 }}>{entry.kind === 'surveyResponse' ? 'survey' : entry.kind}</Badge>
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
        <Button variant="subtle" size="xs" onClick={() => fetchNextPage()} loading={isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>Load older entries</Button>
      )}
    </Stack>
  );
}
