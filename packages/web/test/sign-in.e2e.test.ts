// Signing in with a second factor, signing out, and switching between workspaces, in a browser.
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startLiveServer, type LiveServer } from './support/live-server.js';
import { signIn } from './support/session.js';

describe('sign-in, sign-out and workspaces in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  const guarded = { email: 'guarded@e2e.example', password: TEST_PASSWORDS[1]!, secret: '', recoveryCodes: [] as string[] };

  beforeAll(async () => {
    server = await startLiveServer({ people: 20 });
    const { services } = server;
    const workspace = (await services.workspaces.contextForSlug(server.workspaceSlug, 'system')).workspaceId;
    await services.users.addToWorkspace(workspace, { email: guarded.email, name: 'Gus Guarded', password: guarded.password, role: 'member' });
    const user = (await services.users.byEmail(guarded.email))!;
    guarded.secret = (await services.twoFactor.enrol(user)).secret;
    guarded.recoveryCodes = (await services.twoFactor.confirm((await services.users.byEmail(guarded.email))!, await generate({ secret: guarded.secret }))).recoveryCodes;

    // The admin also belongs to a second, empty workspace.
    const other = await services.workspaces.create({ slug: 'e2e-branch', name: 'Branch office', defaultCurrency: 'GBP' });
    await services.users.addToWorkspace(other.id, { email: server.email, name: 'Ada Admin', password: server.password, role: 'admin' });
    browser = await openBrowser(server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fillPassword = async (target: Page, email: string, password: string) => {
    await target.goto('/sign-in');
    await target.getByRole('textbox', { name: 'Email' }).fill(email);
    await target.getByRole('textbox', { name: 'Password' }).fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
  };

  it('asks for the two-factor code after the password, refuses a wrong one and accepts the current one', async () => {
    page = await browser.newPage();
    await fillPassword(page, guarded.email, guarded.password);
    const code = page.getByRole('textbox', { name: /Two-factor code/ });
    await code.waitFor();
    await screenshot(page, '02-sign-in-two-factor');
    await code.fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /code/i }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await code.fill(await generate({ secret: guarded.secret }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.getByRole('button', { name: 'Account menu for Gus Guarded' }).waitFor();
    await page.close();
  });

  it('accepts a recovery code once, and not a second time', async () => {
    const [recovery] = guarded.recoveryCodes;
    for (const attempt of ['first', 'second'] as const) {
      const tab = await browser.newPage();
      await tab.context().clearCookies();
      await fillPassword(tab, guarded.email, guarded.password);
      await tab.getByRole('textbox', { name: /Two-factor code/ }).fill(recovery!);
      await tab.getByRole('button', { name: 'Sign in' }).click();
      if (attempt === 'first') await tab.waitForURL((url) => url.pathname !== '/sign-in');
      else await tab.getByRole('alert').filter({ hasText: /code/i }).waitFor();
      await tab.close();
    }
  });

  it('signs out from the account menu, after which pages ask to sign in again', async () => {
    await browser.context.clearCookies();
    page = await browser.newPage();
    await signIn(page, server, '/objects/people');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto('/objects/people');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const api = await page.evaluate(async () => (await fetch('/api/v1/objects/people?limit=1')).status);
    expect(api).toBe(401);
  });

  it('switches to another workspace from the account menu and shows that workspace’s data', async () => {
    await signIn(page, server, '/objects/people');
    await page.getByText('Browser test company').first().waitFor();
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByText('Switch workspace').waitFor();
    await page.getByRole('menuitem', { name: 'Branch office' }).click();
    // The header's workspace name, not the menu item still fading out: the switch is done.
    await page.getByRole('banner').getByText('Branch office').waitFor();
    const people = await page.evaluate(async () => (await (await fetch('/api/v1/objects/people?limit=1&total=true')).json()).total);
    expect(people).toBe(0);
    await page.goto('/objects/people');
    await page.getByRole('banner').getByText('Branch office').waitFor();
    await screenshot(page, '03-workspace-switched');

    // And back: the first workspace's people are there again.
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Browser test company' }).click();
    await page.getByText('Browser test company').first().waitFor();
    await expect.poll(() => page.evaluate(async () => (await (await fetch('/api/v1/objects/people?limit=1&total=true')).json()).total)).toBe(20);
  });
});
