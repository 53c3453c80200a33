// Pages before sign-in: a forgotten password reset through the emailed link, and an invitation
// accepted by a new member — mail delivered to a real SMTP server started here.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../server/test/support/smtp.js';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { signedInPage } from './support/signed-in.js';

/** The path and fragment of the first link in a mail, to open on the test server. */
const linkIn = (text: string) => {
  const url = new URL(/https?:\/\/\S+#token=[\w-]+/.exec(text)![0]);
  return `${url.pathname}${url.hash}`;
};

describe('password reset and invitations in a browser', () => {
  let smtp: TestSmtp;
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ server, browser, page, close } = await signedInPage({ smtpUrl: smtp.url, next: null }));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await smtp?.close();
  });

  it('resets a forgotten password from the sign-in page through the emailed link', async () => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('is on its way');

    await page.goto(linkIn((await smtp.waitFor(server.email)).text));
    await page.getByLabel(/^New password\s*\*?$/).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByText('At least 10 characters').count()).toBeGreaterThan(0);
    const fresh = 'a brand new passphrase 42';
    await page.getByLabel(/^New password\s*\*?$/).fill(fresh);
    await page.getByLabel(/^New password again/).fill(fresh);
    await screenshot(page, '60-reset-password');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your password is changed');

    // The old password no longer works; the new one does.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(server.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Password' }).fill(fresh);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('lets an invited person choose a name and password, and opens the workspace signed in', async () => {
    const workspace = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    const invited = await server.services.invitations.create(workspace.workspaceId, { email: 'new.member@e2e.example', role: 'salesRep' }, { actor: 'system' });
    expect(invited.emailed).toBe(true);
    const link = linkIn((await smtp.waitFor('new.member@e2e.example')).text);

    // A visitor, not the admin signed in by the test before.
    await browser.context.clearCookies();
    const other = await browser.newPage();
    await other.goto(link);
    await expect.poll(() => other.getByRole('heading', { level: 1 }).textContent()).toBe('Join Browser test company');
    await expect.poll(() => other.getByText('new.member@e2e.example is invited as').count()).toBe(1);
    await other.getByRole('textbox', { name: 'Your name' }).fill('Nina Newcomer');
    await other.getByLabel(/^Choose a password/).fill('welcome aboard 2026');
    await screenshot(other, '61-invitation');
    await other.getByRole('button', { name: 'Join Browser test company' }).click();
    await other.waitForURL((url) => url.pathname === '/');
    const me = await other.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ user: { email: 'new.member@e2e.example', name: 'Nina Newcomer' }, role: 'salesRep' });

    // A used link says so.
    await other.goto(link);
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('Ask whoever invited you for a new link');
  });
});
