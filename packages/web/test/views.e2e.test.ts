// The web app end to end, saved views: a real server on a temporary SQLite database and Debian's
// Chromium — filter the people list and choose columns, save that as a view, see a reload keep
// it, open it from the views menu on a fresh visit, update it, and delete it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

const FILTER = 'lifecycleStage = "customer"';

describe('saved views in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;
  let viewId: string;

  beforeAll(async () => {
    ({ server, browser, page, close } = await signedInPage());
  }, 120_000);
  afterAll(() => close?.());

  const headers = () => page.getByRole('table', { name: 'People' }).getByRole('columnheader').allTextContents();
  const count = () => page.getByText(/^\d+ (people|person)$/).textContent();
  const viewsButton = () => page.getByRole('button', { name: /^View/ });

  it('saves the filtered list with its columns as a personal view and names it in the URL', async () => {
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await page.getByLabel('Filter').fill(FILTER);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/filter=lifecycleStage/);
    await page.getByRole('button', { name: 'Columns' }).click();
    // The checkboxes follow the URL, which changes a moment after the click.
    await page.getByRole('checkbox', { name: 'Job title' }).click();
    await expect.poll(headers).toContain('Job title');
    // A ticked field joins at the end; moved up, it takes the place before the last column.
    const joined = await headers();
    expect(joined.at(-1)).toBe('Job title');
    await page.getByRole('button', { name: 'Move Job title up' }).click();
    await expect.poll(async () => (await headers()).indexOf('Job title')).toBe(joined.length - 2);
    await page.getByRole('checkbox', { name: 'Phone', exact: true }).click();
    await expect.poll(headers).not.toContain('Phone');
    await page.keyboard.press('Escape');

    await viewsButton().click();
    await page.getByRole('menuitem', { name: 'Save view as…' }).click();
    const dialog = page.getByRole('dialog', { name: /Save this view/ });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Customers by job');
    // An admin may share views: the choice is offered.
    await dialog.getByRole('checkbox', { name: 'Share with everyone in the workspace' }).waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.mantine-Modal-content')!).opacity === '1');
    await screenshot(page, '19-save-view-dialog');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(/[?&]view=[0-9a-f-]{36}/);
    viewId = new URL(page.url()).searchParams.get('view')!;
    await expect.poll(() => viewsButton().textContent()).toBe('View: Customers by job');

    const saved = await server.services.views.get(await adminContext(), viewId);
    expect(saved).toMatchObject({ name: 'Customers by job', filter: FILTER, isShared: false });
    expect(saved.columns).toContain('jobTitle');
    expect(saved.columns).not.toContain('phone');
    expect(saved.columns.indexOf('jobTitle')).toBe(saved.columns.length - 2);
  });

  it('shows the same view after a reload: filter, columns and the view’s name', async () => {
    await page.reload();
    await expect.poll(() => page.getByLabel('Filter').inputValue()).toBe(FILTER);
    await expect.poll(headers).toContain('Job title');
    expect(await headers()).not.toContain('Phone');
    const expected = await (await backstage(server)).list('people', { filter: FILTER, total: true, limit: 1 });
    await expect.poll(count).toBe(`${expected.total} ${expected.total === 1 ? 'person' : 'people'}`);
    await expect.poll(() => viewsButton().textContent()).toBe('View: Customers by job');
  });

  it('opens the view from the views menu on a fresh visit, and from a link naming only the view', async () => {
    await page.goto('/objects/people');
    await expect.poll(() => page.getByLabel('Filter').inputValue()).toBe('');
    await expect.poll(headers).toContain('Phone');
    await viewsButton().click();
    await page.getByRole('menuitem', { name: 'Customers by job' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === viewId && url.searchParams.get('filter') === FILTER);
    await expect.poll(() => page.getByLabel('Filter').inputValue()).toBe(FILTER);
    await expect.poll(headers).toContain('Job title');
    expect(await headers()).not.toContain('Phone');
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await screenshot(page, '20-saved-view-applied');

    const other = await browser.newPage();
    await other.goto(`/objects/people?view=${viewId}`);
    await other.waitForURL((url) => url.searchParams.get('filter') === FILTER);
    await expect.poll(() => other.getByLabel('Filter').inputValue()).toBe(FILTER);
    await other.close();
  });

  it('updates the picked view with the current columns, then deletes it', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'City' }).click();
    await expect.poll(headers).toContain('City');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewsButton().textContent()).toBe('View: Customers by job (changed)');
    await page.getByRole('list', { name: 'Columns shown, in order' }).waitFor({ state: 'hidden' });
    await viewsButton().click();
    const update = page.getByRole('menuitem', { name: 'Update “Customers by job”' });
    await update.waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="menu"]')!).opacity === '1');
    await screenshot(page, '21-saved-views-menu');
    await update.click();
    await expect.poll(() => viewsButton().textContent()).toBe('View: Customers by job');
    expect((await server.services.views.get(await adminContext(), viewId)).columns).toContain('city');

    await viewsButton().click();
    await page.getByRole('menuitem', { name: 'Delete “Customers by job”…' }).click();
    await page.getByRole('dialog', { name: 'Delete view' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL((url) => !url.searchParams.has('view'));
    await expect.poll(() => viewsButton().textContent()).toBe('Views');
    expect(await page.getByLabel('Filter').inputValue()).toBe(FILTER);
    await viewsButton().click();
    await page.getByRole('menuitem', { name: 'No saved views yet' }).waitFor();
    await page.keyboard.press('Escape');
  });

  /** The signed-in admin's context, to read their personal views behind the app's back. */
  async function adminContext() {
    const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    const user = await server.services.users.byEmail(server.email);
    const access = await server.services.access.accessFor(ctx.workspaceId, { role: 'admin', userId: user!.id });
    return { ...ctx, access };
  }
});
