// The web app: providers (Mantine, TanStack Query) and the routes. Pages other than sign-in
// load on demand (route code splitting).
import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { Shell } from './pages/Shell';
import { SignIn } from './pages/SignIn';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2 },
  },
});

export interface ListSearch {
  filter?: string;
  sort?: string;
  columns?: string;
}

const rootRoute = createRootRoute({ component: Outlet });
const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignIn });
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: Shell });
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: lazyRouteComponent(() => import('./pages/Home'), 'Home') });
export const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/o/$object',
  validateSearch: (search: Record<string, unknown>): ListSearch => ({
    filter: typeof search.filter === 'string' ? search.filter : undefined,
    sort: typeof search.sort === 'string' ? search.sort : undefined,
    columns: typeof search.columns === 'string' ? search.columns : undefined,
  }),
  component: lazyRouteComponent(() => import('./pages/ObjectList'), 'ObjectList'),
});
export const recordRoute = createRoute({ getParentRoute: () => appRoute, path: '/o/$object/$id', component: lazyRouteComponent(() => import('./pages/RecordPage'), 'RecordPage') });

const router = createRouter({ routeTree: rootRoute.addChildren([signInRoute, appRoute.addChildren([homeRoute, listRoute, recordRoute])]) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
