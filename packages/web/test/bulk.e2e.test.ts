// The web app end to end, bulk work on lists: rows picked with the keyboard (shift for a
// range), one field set on all of them, refusals named per row, "select all matching" across
// pages exported as CSV, deletion to the trash, and a list grouped by a select field.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage, signIn } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

describe('bulk actions and grouping on a list in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, browser, page, close } = await signedInPage());
  }, 120_000);
  afterAll(() => close?.());

  /** Waits for a dialog's opening transition to end, so that clicks land where they aim. */
  const dialogSettled = (on: Page = page) => on.waitForFunction(() => getComputedStyle(document.querySelector('.mantine-Modal-content')!).opacity === '1');
  /** Picks a choice of a searchable select in the open dialog, and checks it was taken. */
  async function choose(label: string, choice: string) {
    await dialogSettled();
    const input = page.getByRole('dialog').getByLabel(label, { exact: true }).first();
    await input.fill(choice);
    await page.getByRole('option', { name: choice, exact: true }).click();
    await expect.poll(() => input.inputValue()).toBe(choice);
  }

  const rowOf = (name: string) => page.locator('tbody tr').filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });

  it('selects three people with the keyboard (shift for the range) and sets their job title; it stays after reload', async () => {
    const data = await backstage(server);
    const people = (await data.list('people', { sort: 'email', limit: 3, fields: 'id,firstName,lastName,email' })).data;
    await page.goto('/objects/people?sort=email');
    await page.locator('tbody tr').first().waitFor();
    const checkboxes = page.locator('tbody tr input[type="checkbox"]');
    await checkboxes.nth(0).focus();
    await page.keyboard.press('Space');
    await checkboxes.nth(2).focus();
    await page.keyboard.press('Shift+Space');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3 selected');
    expect(await page.locator('tbody tr[aria-selected="true"]').count()).toBe(3);
    await screenshot(page, '50-bulk-bar-selection');

    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Edit field' }).click();
    const dialog = page.getByRole('dialog');
    await choose('Field', 'Job title');
    await dialog.getByRole('textbox', { name: 'New job title' }).fill('Bulk buyer');
    await screenshot(page, '51-bulk-edit-field');
    await dialog.getByRole('button', { name: 'Apply to 3' }).click();
    await expect.poll(() => page.getByTestId('bulk-report').textContent()).toMatch(/Job title set on 3 people/);

    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    for (const person of people) expect((await data.get('people', String(person.id))).jobTitle).toBe('Bulk buyer');
    await page.goto(`/objects/people?filter=${encodeURIComponent('jobTitle = "Bulk buyer"')}`);
    await expect.poll(() => page.getByText(/^\d+ (people|person)$/).textContent()).toBe('3 people');
  });

  it('names each refused row and field when the server rejects a batch, and changes none of them', async () => {
    const data = await backstage(server);
    const people = (await data.list('people', { sort: 'email', limit: 2, fields: 'id,email' })).data;
    await page.goto('/objects/people?sort=email');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(0).check();
    await page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(1).check();
    await page.getByRole('button', { name: 'Edit field' }).click();
    const dialog = page.getByRole('dialog');
    await choose('Field', 'Email');
    await dialog.getByRole('textbox', { name: 'New email' }).fill('not an email');
    await dialog.getByRole('button', { name: 'Apply to 2' }).click();
    const report = page.getByTestId('bulk-report');
    await report.waitFor();
    await screenshot(page, '52-bulk-row-errors');
    await expect.poll(() => report.textContent()).toMatch(/None of the 2 records of the refused batch was changed/);
    expect(await report.getByRole('listitem').first().textContent()).toMatch(/ — Email: /);
    await screenshot(page, '52-bulk-row-errors');
    for (const person of people) expect((await data.get('people', String(person.id))).email).toBe(person.email);
  });

  it('adds a tag to the selected people, keeping the tags they had', async () => {
    const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    const tag = await server.services.engine.create(ctx, 'tags', { name: 'Bulk VIP' });
    const data = await backstage(server);
    const people = (await data.list('people', { sort: 'email', limit: 2, fields: 'id,tagIds' })).data;
    await page.goto('/objects/people?sort=email');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(0).check();
    await page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(1).check();
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await choose('Tag', 'Bulk VIP');
    await dialog.getByRole('button', { name: 'Add to 2' }).click();
    await expect.poll(() => page.getByTestId('bulk-report').textContent()).toMatch(/Tagged 2 people “Bulk VIP”/);
    for (const person of people) {
      const tags = (await data.get('people', String(person.id))).tagIds as string[];
      expect(tags).toEqual(expect.arrayContaining([...(person.tagIds as string[] ?? []), tag.id]));
    }
  });

  it('selects all matching people across pages and exports them as CSV; picked rows export alone', async () => {
    const data = await backstage(server);
    const { total } = await data.list('people', { limit: 1, total: true });
    await page.goto('/objects/people');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('100 selected');
    await page.getByRole('button', { name: `Select all ${total} matching` }).click();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe(`All ${total} matching selected`);
    await screenshot(page, '53-select-all-matching');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^people-.*\.csv$/);
    const rows = parse(readFileSync((await download.path())!, 'utf8')) as string[][];
    expect(rows[0]).toContain('email');
    expect(rows.length - 1).toBe(total);

    await page.getByRole('button', { name: 'Clear selection' }).click();
    const checkboxes = page.getByRole('checkbox', { name: /^Select (?!all)/ });
    await checkboxes.nth(3).check();
    await checkboxes.nth(5).check();
    const [picked] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Export' }).click()]);
    expect((parse(readFileSync((await picked.path())!, 'utf8')) as string[][]).length - 1).toBe(2);
  });

  it('moves two selected people to the trash after confirming, and shows them there', async () => {
    const data = await backstage(server);
    const people = (await data.list('people', { sort: '-email', limit: 2, fields: 'id,email,firstName,lastName' })).data;
    await page.goto('/objects/people?sort=-email');
    await page.locator('tbody tr').first().waitFor();
    const names = await Promise.all([0, 1].map((i) => page.locator('tbody tr').nth(i).getByRole('link').first().textContent()));
    await page.getByRole('checkbox', { name: `Select ${names[0]}`, exact: true }).check();
    await page.getByRole('checkbox', { name: `Select ${names[1]}`, exact: true }).check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialogSettled();
    await page.getByRole('dialog', { name: 'Move 2 people to the trash?' }).getByRole('button', { name: 'Move 2 to the trash' }).click();
    await expect.poll(() => page.getByTestId('bulk-report').textContent()).toMatch(/2 people moved to the trash/);
    await expect.poll(() => rowOf(names[0]!).count()).toBe(0);
    const trashed = await data.list('people', { trashed: true, limit: 10, fields: 'id' });
    expect(trashed.data.map((person) => person.id).sort()).toEqual(people.map((person) => person.id).sort());

    await page.getByText('Trash', { exact: true }).click();
    await page.waitForURL(/trash=1/);
    await page.getByRole('heading', { name: 'People in the trash' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    for (const name of names) await rowOf(name!).waitFor();
    await screenshot(page, '54-people-trash');
  });

  it('groups people by lifecycle stage with a count per group, collapses a group, and keeps the grouping in the URL', async () => {
    const data = await backstage(server);
    await page.goto('/objects/people');
    await page.locator('tbody tr').first().waitFor();
    await page.getByLabel('Group by', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Lifecycle stage' }).click();
    await page.waitForURL(/group=lifecycleStage/);
    const headers = page.getByTestId('group-header');
    await headers.first().waitFor();
    await expect.poll(() => headers.first().getByTestId('group-count').textContent()).toMatch(/^\d+$/);
    const lead = (await data.list('people', { filter: 'lifecycleStage = "lead"', limit: 1, total: true })).total;
    const leadHeader = headers.filter({ hasText: 'Lead' }).first();
    await expect.poll(() => leadHeader.getByTestId('group-count').textContent()).toBe(String(lead));
    expect(await page.locator('tbody tr').count()).toBeLessThanOrEqual(100);
    await screenshot(page, '55-people-grouped');

    await page.reload();
    await headers.first().waitFor();
    const first = headers.first();
    await page.locator('tbody tr').nth(1).filter({ hasNot: page.getByTestId('group-count') }).waitFor();
    await first.getByRole('button').click();
    await expect.poll(() => first.getByRole('button').getAttribute('aria-expanded')).toBe('false');
    // The collapsed group's rows are gone: the next line is the next group's header.
    await expect.poll(() => page.locator('tbody tr').nth(1).getAttribute('data-testid')).toBe('group-header');
    await first.getByRole('button').click();
    await expect.poll(() => page.locator('tbody tr').nth(1).getAttribute('data-testid')).toBeNull();
  });

  it('keeps the bulk bar and grouping usable on a phone-sized screen', async () => {
    const phone = await browser.newPage({ width: 375, height: 740 });
    await phone.goto('/objects/people?group=lifecycleStage');
    await phone.getByTestId('group-header').first().waitFor();
    await phone.getByRole('checkbox', { name: /^Select (?!all)/ }).first().check();
    await phone.getByTestId('selection-count').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, '56-bulk-bar-phone');
    await phone.close();
  });

  it('offers only the bulk actions the role may do, and no selection to a role that may do none', async () => {
    const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    await server.services.users.addToWorkspace(ctx.workspaceId, { email: 'marketer@e2e.example', name: 'Mo Marketer', password: TEST_PASSWORDS[1], role: 'marketer' });
    await server.services.users.addToWorkspace(ctx.workspaceId, { email: 'reader@e2e.example', name: 'Rae Reader', password: TEST_PASSWORDS[3], role: 'readOnly' });
    const other = await openBrowser(server.url);
    try {
      const marketer = await other.newPage();
      await signIn(marketer, { ...server, email: 'marketer@e2e.example', password: TEST_PASSWORDS[1] });
      await marketer.getByRole('checkbox', { name: /^Select (?!all)/ }).first().check();
      const bar = marketer.getByRole('region', { name: 'Bulk actions' });
      await bar.waitFor();
      expect(await bar.getByRole('button').allTextContents()).toEqual(['Select all 118 matching', 'Clear selection', 'Edit field', 'Tag', 'Export']);
      expect(await marketer.getByRole('radiogroup', { name: 'Records or trash' }).count()).toBe(0);
      await marketer.evaluate(() => fetch('/api/v1/auth/sign-out', { method: 'POST' }));

      const reader = await other.newPage();
      await signIn(reader, { ...server, email: 'reader@e2e.example', password: TEST_PASSWORDS[3] });
      await reader.locator('tbody tr').first().waitFor();
      expect(await reader.getByRole('checkbox').count()).toBe(0);
      expect(await reader.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
