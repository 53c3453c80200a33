// The web app end to end, list views: a real server on a temporary SQLite database and
// Debian's Chromium — sign in, list, filter, sort, edit in place (with the server's validation
// and a version conflict), and a phone-sized screen. One server and one browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

describe('the web app in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Signed out: the first test signs in through the page.
    ({ server, browser, page, close } = await signedInPage({ next: null }));
  }, 120_000);
  afterAll(() => close?.());

  it('sends a visitor to sign-in, refuses a wrong password in place, and signs in', async () => {
    await page.goto('/objects/people');
    await page.waitForURL(/\/sign-in\?next=%2Fobjects%2Fpeople/);
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('a wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email or password is wrong/);
    await screenshot(page, '01-sign-in-refused');
    await page.getByRole('textbox', { name: 'Password' }).fill(server.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/objects\/people$/);
    await page.getByRole('heading', { name: 'People' }).waitFor();
  });

  it('lists people in a virtualised table with every object in the navigation', async () => {
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    const nav = page.getByRole('navigation');
    for (const label of ['People', 'Companies', 'Deals', 'Notes', 'Deal board']) await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
    await expect.poll(() => page.getByText(/^\d+ people$/).textContent()).toBe('120 people');
    const rowsInPage = await page.locator('tbody tr').count();
    expect(rowsInPage).toBeGreaterThan(5);
    expect(rowsInPage).toBeLessThanOrEqual(100);
    await screenshot(page, '02-people-list');
  });

  it('filters with the filter language, shows the API error in place, and keeps the view in the URL', async () => {
    await page.getByLabel('Filter').fill('lifecycleStage = ');
    await page.getByRole('button', { name: 'Apply' }).click();
    const error = page.locator('.mantine-TextInput-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/position|expected|column/i);
    await screenshot(page, '03-filter-error');

    await page.getByLabel('Filter').fill('lifecycleStage = "customer"');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/filter=lifecycleStage/);
    const expected = await (await backstage(server)).list('people', { filter: 'lifecycleStage = "customer"', total: true, limit: 1 });
    await expect.poll(() => page.getByText(/^\d+ (people|person)$/).textContent()).toBe(`${expected.total} ${expected.total === 1 ? 'person' : 'people'}`);
    await page.getByRole('button', { name: 'Sort by Email' }).click();
    await page.waitForURL(/sort=email/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Filter').inputValue()).toBe('lifecycleStage = "customer"');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Email');
    await screenshot(page, '04-people-filtered-sorted');
  });

  it('edits a cell in place: shows the validation message of the server, saves, and keeps it after reload', async () => {
    const data = await backstage(server);
    const person = (await data.list('people', { sort: 'email', limit: 1 })).data[0];
    await page.goto(`/objects/people?filter=${encodeURIComponent(`email = "${person.email}"`)}`);
    const row = page.locator('tbody tr').first();
    await row.getByRole('button', { name: /^Edit Phone/ }).click();
    const input = page.getByRole('dialog').getByRole('textbox', { name: 'Phone' });
    await input.fill('not a phone');
    await input.press('Enter');
    const message = page.getByRole('dialog').locator('.mantine-InputWrapper-error');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/phone/i);
    await screenshot(page, '05-inline-edit-error');
    await input.fill('+44 20 7946 0958');
    await input.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.getByRole('button', { name: /^Edit Phone/ }).textContent()).toBe('+442079460958');
    await page.reload();
    await expect.poll(() => page.locator('tbody tr').first().getByRole('button', { name: /^Edit Phone/ }).textContent()).toBe('+442079460958');
    expect((await data.get('people', String(person.id))).phone).toBe('+442079460958');
  });

  it('refuses to overwrite a change made meanwhile (409) and applies the edit to the latest version on request', async () => {
    const data = await backstage(server);
    const person = (await data.list('people', { sort: 'email', limit: 1 })).data[0];
    const row = page.locator('tbody tr').first();
    await row.getByRole('button', { name: /^Edit Job title|^Edit Phone/ }).first().waitFor();
    await row.getByRole('button', { name: /^Edit Phone/ }).click();
    await data.update('people', String(person.id), { jobTitle: 'Changed elsewhere' });
    const input = page.getByRole('dialog').getByRole('textbox', { name: 'Phone' });
    await input.fill('+33 1 23 45 67 89');
    await input.press('Enter');
    await page.getByRole('dialog').getByText('This record changed after you opened it').waitFor();
    await screenshot(page, '06-inline-edit-conflict');
    expect((await data.get('people', String(person.id))).phone).toBe('+442079460958');
    await page.getByRole('button', { name: 'Apply my change to the latest version' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const saved = await data.get('people', String(person.id));
    expect(saved.phone).toBe('+33123456789');
    expect(saved.jobTitle).toBe('Changed elsewhere');
  });

  it('works on a phone-sized screen: navigation behind a labelled button, table scrolls sideways', async () => {
    const phone = await browser.newPage({ width: 375, height: 740 });
    await phone.goto('/objects/companies');
    await phone.getByRole('heading', { name: 'Companies' }).waitFor();
    await phone.locator('tbody tr').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, '07-companies-phone');
    await phone.getByRole('button', { name: 'Open navigation' }).click();
    await phone.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }).click();
    await phone.getByRole('heading', { name: 'Deals' }).waitFor();
    await screenshot(phone, '08-deals-phone');
    await phone.close();
  });
});
