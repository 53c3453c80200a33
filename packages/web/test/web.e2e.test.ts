// The web app in a real browser against a real server: sign in, lists, inline edit, filters in
// the URL, the record page and its timeline, conflicts between two tabs, and a read-only user.
// Screenshots of each page go to test-artifacts/web/.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ARTIFACTS, startRig, VIEWER, type Rig } from './browser.js';

let rig: Rig;

async function signedIn(who = ADMIN): Promise<{ context: BrowserContext; page: Page }> {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${rig.url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Good day/ }).waitFor();
  return { context, page };
}

async function firstPerson(filter: string) {
  const ctx = await rig.services.workspaces.contextForSlug('e2e', 'system');
  return (await rig.services.engine.list(ctx, 'people', { filter, limit: 1, sort: 'createdAt' })).data[0];
}

describe('web app in Chromium', () => {
  beforeAll(async () => {
    rig = await startRig();
  }, 120_000);
  afterAll(() => rig?.close());

  it('refuses a wrong password in place and signs in with the right one', async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.url}/o/people`);
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('wrong');
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Good day, Ada/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });
    await context.close();
  });

  it('lists people in a virtualised table that keeps few rows in the page while scrolling', async () => {
    const { context, page } = await signedIn();
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByTestId('row').first().waitFor();
    await expect(page.getByText(/^300 people$/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'list.png') });
    const grid = page.getByRole('grid', { name: 'People' });
    for (let i = 0; i < 6; i++) await grid.evaluate((el) => { el.scrollTop += 2000; });
    await page.waitForTimeout(300);
    const rendered = await page.getByTestId('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(100);
    await context.close();
  });

  it('filters with the filter language, keeps the view in the URL, and shows a bad filter in place', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${rig.url}/o/people?columns=fullName,jobTitle,lifecycleStage`);
    await page.getByTestId('row').first().waitFor();
    await page.getByLabel('Filter').fill('lifecycleStage = "customer"');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/filter=/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=row] [data-field=lifecycleStage]')].length > 0);
    const stages = await page.locator('[data-testid=row] [data-field=lifecycleStage]').allTextContents();
    expect(new Set(stages)).toEqual(new Set(['Customer']));
    await page.reload();
    await page.getByTestId('row').first().waitFor();
    await expect(page.getByLabel('Filter').inputValue()).resolves.toBe('lifecycleStage = "customer"');
    await expect(page.getByRole('columnheader').allTextContents()).resolves.toEqual(['Name', 'Job title', 'Lifecycle stage']);
    await page.getByLabel('Filter').fill('lifecycleStage = ');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText(/line 1, column \d+/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "list-filter-error.png") });
    await context.close();
  });

  it('edits a cell in place, shows the field error in place, and the change survives a reload', async () => {
    const person = await firstPerson('lifecycleStage = "customer"');
    const { context, page } = await signedIn();
    await page.goto(`${rig.url}/o/people?columns=fullName,jobTitle,email&filter=${encodeURIComponent(`id = "${person.id}"`)}`);
    const email = page.locator('[data-testid=row] [data-field=email]').first();
    await email.dblclick();
    await page.getByLabel('Edit Email').fill('not an email');
    await page.getByLabel('Edit Email').press('Enter');
    await page.getByRole('tooltip').waitFor();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/email/i);
    await page.getByLabel('Edit Email').press('Escape');
    const title = page.locator('[data-testid=row] [data-field=jobTitle]').first();
    await title.dblclick();
    await page.getByLabel('Edit Job title').fill('Chief Listener');
    await page.getByLabel('Edit Job title').press('Enter');
    await page.getByText('Chief Listener').waitFor();
    await page.reload();
    await page.getByText('Chief Listener').waitFor();
    const ctx = await rig.services.workspaces.contextForSlug('e2e', 'system');
    expect((await rig.services.engine.get(ctx, 'people', person.id as string)).jobTitle).toBe('Chief Listener');
    await context.close();
  });

  it('opens a record, adds a note, and sees it on the timeline', async () => {
    const person = await firstPerson('lifecycleStage = "advocate"');
    const { context, page } = await signedIn();
    await page.goto(`${rig.url}/o/people/${person.id}`);
    await page.getByRole('heading', { name: String(person.fullName) }).waitFor();
    await page.getByLabel('New note').fill('Called about the renewal; happy with support.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Called about the renewal; happy with support.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'record.png'), fullPage: true });
    await context.close();
  });

  it('tells the second of two tabs that the record changed, keeping what it typed', async () => {
    const person = await firstPerson('lifecycleStage = "lead"');
    const { context, page: first } = await signedIn();
    const second = await context.newPage();
    for (const page of [first, second]) {
      await page.goto(`${rig.url}/o/people/${person.id}`);
      await page.getByLabel('Job title').waitFor();
    }
    await first.getByLabel('Job title').fill('Buyer');
    const saved = first.waitForResponse((r) => r.request().method() === 'PATCH');
    await first.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await second.getByLabel('City').fill('Lyon');
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByText('Someone else changed this record').waitFor();
    await second.screenshot({ path: join(ARTIFACTS, 'conflict.png'), fullPage: true });
    await second.getByRole('button', { name: 'Load their version' }).click();
    await second.getByText('Someone else changed this record').waitFor({ state: 'detached' });
    await expect(second.getByLabel('Job title').inputValue()).resolves.toBe('Buyer');
    await expect(second.getByLabel('City').inputValue()).resolves.toBe('Lyon');
    const retried = second.waitForResponse((r) => r.request().method() === 'PATCH');
    await second.getByRole('button', { name: 'Save' }).click();
    expect((await retried).status()).toBe(200);
    const ctx = await rig.services.workspaces.contextForSlug('e2e', 'system');
    expect(await rig.services.engine.get(ctx, 'people', person.id as string)).toMatchObject({ jobTitle: 'Buyer', city: 'Lyon' });
    await context.close();
  });

  it('shows a read-only user no edit controls, and the API refuses their writes', async () => {
    const person = await firstPerson('lifecycleStage = "customer"');
    const { context, page } = await signedIn(VIEWER);
    await page.goto(`${rig.url}/o/people/${person.id}`);
    await page.getByRole('heading', { name: String(person.fullName) }).waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(page.getByRole('textbox', { name: 'Job title' }).count()).resolves.toBe(0);
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/objects/people/${id}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jobTitle: 'Hacked' }),
    })).status, person.id);
    expect(status).toBe(403);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${rig.url}/sign-in`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Show navigation' }).click();
    await page.getByRole('link', { name: 'Deals' }).click();
    await page.getByTestId('row').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-deals.png') });
    await context.close();
  });
});
