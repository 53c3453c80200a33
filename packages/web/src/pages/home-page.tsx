// The start page: the signed-in user's tasks for today (and overdue), their open deals by
// stage, the latest activity and the value of the default pipeline. A card whose object the
// role may not read is left out.
import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MyDealsCard } from '../home/my-deals-card';
import { MyTasksCard } from '../home/my-tasks-card';
import { PipelineCard } from '../home/pipeline-card';
import { RecentActivityCard } from '../home/recent-activity-card';
import { useObjects } from '../session/use-objects';
import { can, useSession } from '../session/use-session';

const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

export function HomePage() {
  const session = useSession().data;
  const objects = useObjects();
  if (!session || objects.isLoading) return <Loader aria-label="Loading" />;
  const userId = session.user.id;
  const currency = objects.data?.find((object) => object.name === 'deals')?.fields.find((field) => field.name === 'amount')?.currency ?? 'EUR';
  const canReadDeals = can(session, 'deals', 'read');
  const activity = { interactions: can(session, 'interactions', 'read'), notes: can(session, 'notes', 'read') };
  const firstName = (session.user.name || session.user.email).split(/\s+/)[0];

  return (
    <Stack gap="md">
      <Stack gap={0}>
        <Title order={2}>Home</Title>
        <Text c="dimmed" size="sm">Welcome, {firstName}. {today.format(new Date())}.</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {can(session, 'tasks', 'read') && <MyTasksCard userId={userId} />}
        {canReadDeals && <MyDealsCard userId={userId} currency={currency} />}
        {canReadDeals && <PipelineCard currency={currency} />}
        {(activity.interactions || activity.notes) && <RecentActivityCard objects={objects.data ?? []} canRead={activity} />}
      </SimpleGrid>
    </Stack>
  );
}
