// The web app end to end, global search and the home page: Ctrl-K opens the search palette,
// the keyboard walks its results and opens a record; the home page shows the signed-in user's
// tasks for today and overdue, their open deal under its stage, and the pipeline chart, whose
// bar opens the deals of that stage. One server and one browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInAs, signedInPage } from './support/signed-in.js';

/** A write through the signed-in browser (its cookie and its Origin header). */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(async ([url, payload]) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return response.json();
  }, [`/api/v1${path}`, body] as const) as Promise<T>;
}

/** The home chart's plot area (home/bar-chart.tsx BAR_GRID). */
const GRID = { left: 72, right: 16, top: 16, bottom: 56 };

describe('global search and the home page in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, browser, page, close } = await signedInPage({ next: '/' }));
  }, 120_000);
  afterAll(() => close?.());

  it('opens with Ctrl-K, finds a person by last name, and opens their page with the arrow keys and Enter', async () => {
    const data = await backstage(server);
    const people = (await data.list('people', { sort: 'lastName', limit: 200 })).data;
    // A last name few people share, so that the person is among the five shown.
    const person = people.find((candidate) => people.filter((other) => String(other.lastName).toLowerCase().includes(String(candidate.lastName).toLowerCase())).length <= 2)!;
    expect(person).toBeDefined();

    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const input = dialog.getByRole('combobox', { name: 'Search records' });
    await input.waitFor();
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill(String(person.lastName));
    const target = dialog.locator(`[role="option"][data-record="${person.id}"]`);
    await target.waitFor();
    expect(await target.textContent()).toContain(String(person.fullName));
    await expect.poll(() => dialog.getByRole('group', { name: 'People' }).count()).toBe(1);
    await screenshot(page, '30-search-results');

    const options = dialog.getByRole('option');
    const ids = await options.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-record')));
    const position = ids.indexOf(String(person.id));
    // Past it and back: the active option follows the arrows, across groups.
    for (let i = 0; i < position + 1; i += 1) await input.press('ArrowDown');
    await input.press('ArrowUp');
    expect(await target.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await target.getAttribute('id'));
    await input.press('Enter');
    await page.waitForURL(new RegExp(`/objects/people/${person.id}$`));
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: String(person.fullName) }).first().waitFor();
  });

  it('shows the field a record was found in, says when nothing matches, and gives the focus back on Escape', async () => {
    const button = page.getByRole('button', { name: 'Search', exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const input = dialog.getByRole('combobox', { name: 'Search records' });
    const person = (await (await backstage(server)).list('people', { filter: 'not email isEmpty', sort: 'email', limit: 1 })).data[0];
    const local = String(person.email).split('@')[0];
    await input.fill(local);
    const hit = dialog.locator(`[role="option"][data-record="${person.id}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(`Email: ${person.email}`);

    await input.fill('zqxj nothing matches this');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('No records match “zqxj nothing matches this”.');
    expect(await dialog.getByRole('option').count()).toBe(0);
    await screenshot(page, '31-search-no-results');
    await input.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('shows my tasks due today and overdue, my open deal under its stage, and the pipeline chart that opens a stage\'s deals', async () => {
    const data = await backstage(server);
    // Before the user has any: the cards say so.
    await page.goto('/');
    await page.locator('[data-card="my-tasks"]').getByText('Nothing due today and nothing overdue.').waitFor();
    await page.locator('[data-card="my-deals"]').getByText('You own no open deals.').waitFor();
    await page.locator('[data-card="pipeline"] canvas').waitFor();
    await screenshot(page, '36-home-empty-cards');

    const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as { user: { id: string } });
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const dueToday = await apiPost<{ id: string }>(page, '/objects/tasks', { title: 'Call Grace back about the renewal', dueAt: `${today}T23:59:00.000Z`, assigneeId: me.user.id, priority: 'high' });
    const overdue = await apiPost<{ id: string }>(page, '/objects/tasks', { title: 'Send the signed contract', dueAt: `${yesterday}T09:00:00.000Z`, assigneeId: me.user.id });
    const pipeline = (await data.list('pipelines', { filter: 'isDefault = true', limit: 1 })).data[0];
    const stages = (await data.list('stages', { filter: `pipelineId = "${pipeline.id}" and kind = "open"`, sort: 'position', limit: 100 })).data;
    const stage = stages[1] ?? stages[0];
    const deal = await apiPost<{ id: string }>(page, '/objects/deals', { name: 'Harbour office expansion', amount: 4_200_000, currency: 'EUR', stageId: stage.id, ownerId: me.user.id });

    await page.goto('/');
    const tasks = page.locator('[data-card="my-tasks"]');
    const todayTask = tasks.locator(`li[data-task="${dueToday.id}"]`);
    await todayTask.waitFor();
    expect(await todayTask.textContent()).toMatch(/Call Grace back about the renewal.*Due today at/);
    expect(await todayTask.getAttribute('data-overdue')).toBeNull();
    const lateTask = tasks.locator(`li[data-task="${overdue.id}"]`);
    expect(await lateTask.getAttribute('data-overdue')).toBe('true');
    expect(await lateTask.textContent()).toContain('Overdue');

    const dealRow = page.locator('[data-card="my-deals"]').locator(`tr[data-stage="${stage.name}"]`);
    await dealRow.waitFor();
    expect((await dealRow.textContent())?.replace(/\s+/g, ' ')).toMatch(/1.*€42,000/);
    void deal;

    const chart = page.locator('[data-card="pipeline"] [data-chart]');
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('aria-label')).toContain(String(stage.name));
    await page.locator('[data-card="activity"] li').first().waitFor();
    await screenshot(page, '32-home');

    const box = (await chart.boundingBox())!;
    const index = stages.findIndex((candidate) => candidate.id === stage.id);
    const width = box.width - GRID.left - GRID.right;
    const height = box.height - GRID.top - GRID.bottom;
    await page.mouse.click(box.x + GRID.left + (index + 0.5) * (width / stages.length), box.y + GRID.top + height * 0.9);
    await page.waitForURL((url) => url.pathname === '/objects/deals' && (url.searchParams.get('filter') ?? '').includes(String(stage.id)));
    await page.getByRole('heading', { name: 'Deals' }).waitFor();
    const expected = await data.list('deals', { filter: `stageId = "${stage.id}"`, total: true, limit: 1 });
    await expect.poll(() => page.getByText(/^\d+ deals?$/).textContent()).toBe(`${expected.total} ${expected.total === 1 ? 'deal' : 'deals'}`);
    await screenshot(page, '33-deals-of-a-stage');
  });

  it('works on a phone-sized screen: the home cards stack and search opens from its labelled button', async () => {
    const phone = await browser.newPage({ width: 375, height: 740 });
    await phone.goto('/');
    await phone.locator('[data-card="my-tasks"] li').first().waitFor();
    await phone.locator('[data-card="pipeline"] canvas').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, '34-home-phone');
    await phone.getByRole('button', { name: 'Search', exact: true }).click();
    const input = phone.getByRole('dialog', { name: 'Search' }).getByRole('combobox', { name: 'Search records' });
    await input.fill('a');
    await phone.getByRole('option').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, '35-search-phone');
    await phone.close();
  });

  it('leaves the deal cards out for a role that cannot read deals, and its search finds no deals', async () => {
    const other = await signedInAs(server, { email: 'agent@e2e.example', name: 'Sam Support', password: TEST_PASSWORDS[1], role: 'supportAgent' }, { next: '/' });
    try {
      const agent = other.page;
      await agent.locator('[data-card="my-tasks"]').getByText('Nothing due today and nothing overdue.').waitFor();
      await agent.locator('[data-card="activity"]').waitFor();
      expect(await agent.locator('[data-card="my-deals"], [data-card="pipeline"]').count()).toBe(0);
      await agent.keyboard.press('Control+k');
      const input = agent.getByRole('dialog', { name: 'Search' }).getByRole('combobox', { name: 'Search records' });
      await input.fill('Harbour office');
      await expect.poll(() => agent.getByRole('dialog').getByRole('status').textContent()).toBe('No records match “Harbour office”.');
    } finally {
      await other.close();
    }
  });
});
