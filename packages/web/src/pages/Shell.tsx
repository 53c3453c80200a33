// The frame of every signed-in page: a navigation list of the objects the user may read, the
// workspace, and the user's menu. Sends anyone not signed in to the sign-in page.
import { AppShell, Burger, Button, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { api } from '../api';
import { NavLinkLink } from '../links';
import { useMe, useObjects } from '../session';

export function Shell() {
  const me = useMe();
  const objects = useObjects();
  const [opened, { toggle, close }] = useDisclosure();
  const path = useRouterState({ select: (state) => state.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (me.isPending) return <Loader m="xl" aria-label="Loading" />;
  if (!me.data) return <Navigate to="/sign-in" />;
  const readable = (objects.data ?? []).filter((object) => me.data!.permissions.objects[object.name]?.includes('read'));

  const signOut = async () => {
    await api('POST', '/auth/sign-out').catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Title order={1} size="h4">Rapport</Title>
            <Text size="sm" c="dimmed" visibleFrom="xs">{me.data.workspace.name}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">{me.data.user.name}</Text>
            <Button variant="subtle" size="xs" onClick={signOut}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label="Objects">
        <ScrollArea p="xs">
          <NavLinkLink to="/" label="Home" active={path === '/'} onClick={close} />
          {readable.map((object) => (
            <NavLinkLink key={object.name} to="/o/$object" params={{ object: object.name }} label={object.labelPlural}
              active={path === `/o/${object.name}` || path.startsWith(`/o/${object.name}/`)} onClick={close} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
