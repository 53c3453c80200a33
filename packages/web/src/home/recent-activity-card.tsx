// The latest interactions and notes the user may see, newest first, each linking to itself
// and to the person, company, deal or case it concerns.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ObjectDescription } from '../api/types';
import { formatInstant } from '../fields/format';
import { fetchRelationLabels } from '../fields/relation-labels';
import { ChartCard } from '../relationship/chart-card';
import { fetchRecentActivity } from './home-queries';

const SHOWN = 10;
const ABOUT_FIELDS = new Set(['personId', 'companyId', 'dealId', 'caseId']);

export function RecentActivityCard({ objects, canRead }: { objects: ObjectDescription[]; canRead: { interactions: boolean; notes: boolean } }) {
  const activity = useQuery({
    queryKey: ['home', 'activity', canRead],
    queryFn: async ({ signal }) => {
      const entries = await fetchRecentActivity(canRead, SHOWN, signal);
      const fields = objects.filter((object) => object.name === 'interactions' || object.name === 'notes').flatMap((object) => object.fields.filter((field) => ABOUT_FIELDS.has(field.name)));
      const labels = await fetchRelationLabels(objects, fields, entries.map((entry) => entry.record), signal);
      return { entries, labels };
    },
  });
  const entries = activity.data?.entries ?? [];

  return (
    <ChartCard id="activity" title="Recent activity" isLoading={activity.isLoading} error={activity.error}
      empty={activity.isSuccess && entries.length === 0 ? 'No interactions or notes yet.' : undefined}>
      <Stack gap={8} component="ol" aria-label="Latest interactions and notes" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((entry) => {
          const label = entry.about && activity.data?.labels[entry.about.id];
          return (
            <li key={`${entry.object}-${entry.id}`} data-activity={entry.object}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" variant="light" color={entry.object === 'notes' ? 'yellow' : 'blue'} style={{ flexShrink: 0 }} w={78}>{entry.kind === 'inPerson' ? 'in person' : entry.kind === 'webVisit' ? 'web visit' : entry.kind}</Badge>
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/objects/${entry.object}/${entry.id}`} size="sm" fw={500} truncate>{entry.title}</Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {entry.about && label && <><Anchor component={Link} to={`/objects/${entry.about.object}/${entry.about.id}`} size="xs" underline="always">{label}</Anchor>{' · '}</>}
                    <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                  </Text>
                </Stack>
              </Group>
            </li>
          );
        })}
      </Stack>
    </ChartCard>
  );
}
