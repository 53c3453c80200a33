// Signing in through the real sign-in page, and reading records behind the app's back.
import type { Page } from 'playwright-core';
import type { LiveServer } from './live-server.js';

export async function signIn(page: Page, server: LiveServer, next = '/objects/people') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(server.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** The workspace's record engine with a system context, to arrange and check data directly. */
export async function backstage(server: LiveServer) {
  const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
  const engine = server.services.engine;
  return {
    list: (object: string, query: Parameters<typeof engine.list>[2]) => engine.list(ctx, object, query),
    get: (object: string, id: string) => engine.get(ctx, object, id),
    update: (object: string, id: string, changes: Record<string, unknown>) => engine.update(ctx, object, id, changes),
  };
}
