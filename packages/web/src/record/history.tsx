// A record's history tab: every save, newest first — who made it, when, and each field it
// changed (old → new, formatted as the field shows elsewhere) — with older changes on request.
// Loaded only when the tab opens (the page imports this file lazily).
import { Button, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { describeError } from '../api/problem';
import { historyPage } from '../api/records';
import type { HistoryEntry, ObjectDescription } from '../api/types';
import { formatInstant } from '../fields/format';
import { fetchRelationLabels } from '../fields/relation-labels';
import { ValueChange } from '../fields/value-change';
import { actorName, memberNames, useMembers } from '../session/use-members';
import { historyKey } from './history-key';

/** The rows one save wrote (they share a change id); a page may cut a save in two, so grouping runs over all loaded rows. */
interface Save { changeId: string; at: string; by: string | null; operation: HistoryEntry['operation']; rows: HistoryEntry[] }

function groupBySave(rows: HistoryEntry[]): Save[] {
  const saves: Save[] = [];
  for (const row of rows) {
    const last = saves[saves.length - 1];
    if (last?.changeId === row.changeId) last.rows.push(row);
    else saves.push({ changeId: row.changeId, at: row.changedAt, by: row.changedBy, operation: row.operation, rows: [row] });
  }
  return saves;
}

const WHOLE_RECORD: Record<string, string> = { create: 'Created', delete: 'Moved to the trash', restore: 'Restored from the trash' };

export default function History({ definition, objects, id }: { definition: ObjectDescription; objects: ObjectDescription[]; id: string }) {
  const members = useMembers();
  const query = useInfiniteQuery({
    queryKey: historyKey(definition.name, id),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => {
      const page = await historyPage(definition.name, id, pageParam, signal);
      // Names of the related records the changed relation fields held before and after.
      const relations = definition.fields.filter((field) => field.type === 'relation' && page.data.some((row) => row.field === field.name));
      const values = page.data.filter((row) => row.field).flatMap((row) => [{ id: row.id, version: 0, [row.field!]: row.oldValue }, { id: row.id, version: 0, [row.field!]: row.newValue }]);
      const labels = relations.length ? await fetchRelationLabels(objects, relations, values, signal) : {};
      return { ...page, labels };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const names = memberNames(members.data);
  const labels = Object.assign({}, names, ...(query.data?.pages.map((page) => page.labels) ?? []));
  const who = (actor: string | null) => actorName(actor, names);
  const saves = groupBySave(query.data?.pages.flatMap((page) => page.data) ?? []);

  return (
    <Stack gap="sm">
      {query.isLoading && <Loader size="sm" aria-label="Loading history" />}
      {query.error && <Text c="red" role="alert">{describeError(query.error)}</Text>}
      {!query.isLoading && !query.error && saves.length === 0 && <Text size="sm" c="dimmed">No changes recorded yet.</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="History entries">
        {saves.map((save) => (
          <li key={save.changeId} data-operation={save.operation} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)', paddingLeft: 10 }}>
            <Text size="xs" c="dimmed"><b>{who(save.by)}</b> · <time dateTime={save.at}>{formatInstant(save.at)}</time></Text>
            {save.operation === 'update'
              ? save.rows.filter((row) => row.field).map((row) => (
                <ValueChange key={row.id} field={definition.fields.find((field) => field.name === row.field)} name={row.field!} before={row.oldValue} after={row.newValue} labels={labels} />
              ))
              : <Text size="sm">{WHOLE_RECORD[save.operation] ?? save.operation}</Text>}
          </li>
        ))}
      </Stack>
      {query.hasNextPage && (
        <Button variant="subtle" size="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>Load older changes</Button>
      )}
    </Stack>
  );
}
