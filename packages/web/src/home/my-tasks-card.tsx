// The signed-in user's unfinished tasks due today, and those overdue (due before today), the
// oldest first: what to do now.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RecordValues } from '../api/types';
import { formatInstant } from '../fields/format';
import { ChartCard } from '../relationship/chart-card';
import { dayBounds, fetchMyTasks, myTasksFilter } from './home-queries';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function MyTasksCard({ userId }: { userId: string }) {
  const { start, end } = dayBounds();
  const tasks = useQuery({
    queryKey: ['home', 'tasks', userId, end.toISOString()],
    queryFn: ({ signal }) => fetchMyTasks(userId, end, signal),
  });
  const records = tasks.data?.data ?? [];
  const isOverdue = (task: RecordValues) => new Date(String(task.dueAt)) < start;
  const overdue = records.filter(isOverdue).length;
  const total = tasks.data?.total ?? records.length;
  const listHref = `/objects/tasks?sort=dueAt&filter=${encodeURIComponent(myTasksFilter(userId, end))}`;

  return (
    <ChartCard id="my-tasks" title="My tasks for today" isLoading={tasks.isLoading} error={tasks.error}
      empty={tasks.isSuccess && records.length === 0 ? 'Nothing due today and nothing overdue.' : undefined}
      summary={`${total} task${total === 1 ? '' : 's'} due today or earlier${overdue ? `, ${overdue} overdue` : ''}.`}
      note={<Anchor component={Link} to={listHref} size="xs">Open these tasks as a list</Anchor>}>
      <Stack gap={6} component="ul" aria-label="Tasks due" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {records.map((task) => {
          const late = isOverdue(task);
          const due = String(task.dueAt);
          return (
            <li key={task.id} data-task={task.id} data-overdue={late || undefined}>
              <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/objects/tasks/${task.id}`} size="sm" fw={500} lineClamp={2}>{String(task.title || 'Untitled task')}</Anchor>
                  <Text size="xs" c={late ? 'red.9' : 'dimmed'}>
                    <time dateTime={due}>{late ? `Due ${formatInstant(due)}` : `Due today at ${timeOfDay.format(new Date(due))}`}</time>
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {(task.priority === 'high' || task.priority === 'urgent') && <Badge size="sm" variant="light" color="orange">{String(task.priority)}</Badge>}
                  {late ? <Badge size="sm" color="red" variant="filled">Overdue</Badge> : <Badge size="sm" variant="light">Today</Badge>}
                </Group>
              </Group>
            </li>
          );
        })}
      </Stack>
      {total > records.length && <Text size="xs" c="dimmed">The {records.length} due first are shown.</Text>}
    </ChartCard>
  );
}
