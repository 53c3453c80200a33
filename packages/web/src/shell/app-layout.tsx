// The signed-in frame: a skip link, header with the workspace, the global search and sign-out,
// navigation to every object the user may read (custom ones included), and the page. The
// navigation folds behind a burger on narrow screens.
import { AppShell, Burger, Center, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/use-session';
import { SearchLauncher } from '../search/search-launcher';
import { Navigation } from './navigation';
import classes from './skip-link.module.css';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const [isNavOpen, nav] = useDisclosure(false);
  // Below the `sm` breakpoint (48em) the navbar folds away by sliding off screen; folded, it is
  // also hidden and inert, so that Tab and screen readers do not walk through links no one sees.
  const isNavFolded = useMediaQuery('(max-width: 47.99em)') && !isNavOpen;
  useEffect(() => nav.close(), [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  if (session.isLoading) return <Center h="100vh"><Loader aria-label="Loading" /></Center>;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
      <a href="#main" className={classes.skipLink}>Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={isNavOpen} aria-controls="navigation" />
            <Title order={1} size="h4">Rapport</Title>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>{session.data.workspace.name}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchLauncher />
            <UserMenu session={session.data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label="Objects" id="navigation" inert={isNavFolded} style={isNavFolded ? { visibility: 'hidden' } : undefined}>
        <ScrollArea type="auto" p="xs">
          <Navigation session={session.data} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
