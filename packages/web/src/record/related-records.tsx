// Records of other objects that point at this one through a relation field (a company's
// people and deals, a person's cases), a few of each with a link to the full filtered list.
import { Anchor, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listRecords, quote } from '../api/records';
import type { FieldDescription, ObjectDescription, Session } from '../api/types';
import { can } from '../session/use-session';

const SHOWN = 5;

interface Link_ { source: ObjectDescription; field: FieldDescription; filter: string }

export function RelatedRecords({ definition, objects, id, session }: { definition: ObjectDescription; objects: ObjectDescription[]; id: string; session: Session | null }) {
  const links: Link_[] = objects.filter((source) => can(session, source.name, 'read')).flatMap((source) => source.fields
    .filter((field) => field.type === 'relation' && field.relation?.target === definition.name && !(source.name === definition.name && field.name === 'id'))
    .map((field) => ({ source, field, filter: `${field.name} = ${quote(id)}` })));
  const results = useQueries({
    queries: links.map((link) => ({
      queryKey: ['related', link.source.name, link.field.name, id],
      queryFn: ({ signal }: { signal: AbortSignal }) => listRecords(link.source.name, { filter: link.filter, fields: ['id', link.source.displayField], limit: SHOWN, total: true }, signal),
    })),
  });
  const isLoading = results.some((result) => result.isLoading);
  const groups = links.map((link, index) => ({ link, page: results[index].data })).filter((group) => (group.page?.total ?? 0) > 0);

  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">Related records</Title>
      {isLoading && <Skeleton h={60} />}
      {!isLoading && groups.length === 0 && <Text size="sm" c="dimmed">Nothing links to this record yet.</Text>}
      <Stack gap="sm">
        {groups.map(({ link, page }) => (
          <section key={`${link.source.name}.${link.field.name}`} aria-label={`${link.source.labelPlural} (${link.field.label})`}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>{link.source.labelPlural}{link.field.label !== definition.labelSingular ? ` · ${link.field.label}` : ''} ({page!.total})</Text>
              <Anchor component={Link} size="xs" to={`/objects/${link.source.name}?filter=${encodeURIComponent(link.filter)}`}>Show all</Anchor>
            </Group>
            <List size="sm" spacing={2} listStyleType="none">
              {page!.data.map((record) => (
                <List.Item key={record.id}>
                  <Anchor component={Link} to={`/objects/${link.source.name}/${record.id}`} size="sm">{String(record[link.source.displayField] ?? '') || 'Untitled'}</Anchor>
                </List.Item>
              ))}
            </List>
          </section>
        ))}
      </Stack>
    </Card>
  );
}
