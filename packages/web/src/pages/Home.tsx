// Home: the user's open tasks and the records they worked on last.
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type RecordValues } from '../api';
import { AnchorLink } from '../links';
import { useMe } from '../session';

function useList(path: string, enabled = true) {
  return useQuery({ queryKey: ['home', path], enabled, queryFn: async () => (await api<{ data: RecordValues[] }>('GET', path)).body.data });
}

export function Home() {
  const me = useMe().data!;
  const can = (object: string) => me.permissions.objects[object]?.includes('read');
  const today = new Date().toISOString().slice(0, 10);
  const tasks = useList(`/objects/tasks?limit=10&sort=dueDate&filter=${encodeURIComponent(`status != "done" and dueDate <= "${today}"`)}`, can('tasks'));
  const deals = useList(`/objects/deals?limit=10&sort=-amount&filter=${encodeURIComponent('status = "open"')}`, can('deals'));
  return (
    <Stack>
      <Title order={2}>Good day, {me.user.name.split(' ')[0]}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">Tasks due today or overdue</Title>
          {tasks.data?.length === 0 && <Text c="dimmed" size="sm">Nothing due.</Text>}
          {tasks.data?.map((task) => (
            <Group key={task.id} justify="space-between" wrap="nowrap">
              <AnchorLink to="/o/$object/$id" params={{ object: 'tasks', id: task.id }} size="sm" truncate>{String(task.title)}</AnchorLink>
              <Text size="xs" c="dimmed">{String(task.dueDate ?? '')}</Text>
            </Group>
          ))}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">Largest open deals</Title>
          {deals.data?.map((deal) => (
            <Group key={deal.id} justify="space-between" wrap="nowrap">
              <AnchorLink to="/o/$object/$id" params={{ object: 'deals', id: deal.id }} size="sm" truncate>{String(deal.name)}</AnchorLink>
              <Text size="xs">{new Intl.NumberFormat(undefined, { style: 'currency', currency: String(deal.currency ?? 'EUR') }).format(Number(deal.amount ?? 0) / 100)}</Text>
            </Group>
          ))}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
