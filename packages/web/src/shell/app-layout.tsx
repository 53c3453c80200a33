// The signed-in frame: header with the workspace, the global search and sign-out, navigation to every object the
// user may read (custom ones included), and the page. The navigation folds behind a burger
// on narrow screens.
import { AppShell, Burger, Center, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/use-session';
import { SearchLauncher } from '../search/search-launcher';
import { Navigation } from './navigation';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const [isNavOpen, nav] = useDisclosure(false);
  useEffect(() => nav.close(), [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  if (session.isLoading) return <Center h="100vh"><Loader aria-label="Loading" /></Center>;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'} />
            <Title order={1} size="h4">Rapport</Title>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>{session.data.workspace.name}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchLauncher />
            <UserMenu session={session.data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label="Objects">
        <ScrollArea type="auto" p="xs">
          <Navigation session={session.data} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
