// Entry: theme, data cache and routes. Every page is a lazy chunk; the shell and sign-in are
// the only code loaded up front.
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem } from './api/problem';
import { AppLayout } from './shell/app-layout';
import { SignInPage } from './pages/sign-in-page';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/reset-password', lazy: async () => ({ Component: (await import('./pages/reset-password-page')).ResetPasswordPage }) },
  { path: '/invitation', lazy: async () => ({ Component: (await import('./pages/invitation-page')).InvitationPage }) },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./pages/home-page')).HomePage }) },
      { path: 'objects/:object', lazy: async () => ({ Component: (await import('./pages/list-page')).ListPage }) },
      { path: 'objects/:object/:id', lazy: async () => ({ Component: (await import('./pages/record-page')).RecordPage }) },
      { path: 'relationship', lazy: async () => ({ Component: (await import('./pages/relationship-page')).RelationshipPage }) },
      { path: 'deals/board', lazy: async () => ({ Component: (await import('./pages/deal-board-page')).DealBoardPage }) },
      { path: 'settings/*', lazy: async () => ({ Component: (await import('./pages/settings-page')).SettingsPage }) },
      { path: 'cases/board', lazy: async () => ({ Component: (await import('./pages/case-board-page')).CaseBoardPage }) },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/not-found-page')).NotFoundPage }) },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
