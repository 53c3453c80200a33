// The case board end to end: a column per status with its count, a case dragged to another
// status is saved (and still there after reload), and a move the server refuses because the
// case changed meanwhile is undone with the reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { dragCard } from './support/board.js';
import { backstage } from './support/session.js';
import { signedInAs, signedInPage } from './support/signed-in.js';

/** Drags a card by a point below its link (the link itself opens the case). */
const drag = (page: Page, from: string, to: string) => dragCard(page, from, to, (card) => ({ x: card.x + card.width - 20, y: card.y + card.height - 8 }));

describe('the case board in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, browser, page, close } = await signedInPage({
      next: '/cases/board',
      // The demo's cases are all past; a few new and open ones to move.
      async arrange(live) {
        const ctx = await live.services.workspaces.contextForSlug(live.workspaceSlug, 'system');
        for (const [i, status] of ['new', 'new', 'open', 'open', 'pending'].entries()) {
          await live.services.engine.create(ctx, 'cases', { subject: `Board case ${i + 1}`, status, priority: i % 2 ? 'high' : 'normal' });
        }
      },
    }));
  }, 120_000);
  afterAll(() => close?.());

  it('shows a column per status with its count, linked from the navigation', async () => {
    const data = await backstage(server);
    await page.getByRole('heading', { name: 'Case board' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Case board' }).count()).toBe(1);
    for (const status of ['new', 'open', 'pending', 'resolved', 'closed']) {
      const { total } = await data.list('cases', { filter: `status = "${status}"`, limit: 1, total: true });
      await expect.poll(() => page.locator(`[data-status="${status}"] [data-testid="status-count"]`).textContent()).toBe(`${total} ${total === 1 ? 'case' : 'cases'}`);
    }
    await screenshot(page, '57-case-board');
  });

  it('fits a phone-sized screen: the columns scroll sideways inside the board', async () => {
    const phone = await browser.newPage({ width: 375, height: 740 });
    await phone.goto('/cases/board');
    await phone.locator('[data-status="new"] [data-case]').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, '59-case-board-phone');
    await phone.close();
  });

  it('drags a case to another status and keeps it there after reload', async () => {
    const data = await backstage(server);
    const [from, to] = ['new', 'pending'];
    const record = (await data.list('cases', { filter: `status = "${from}"`, sort: '-openedAt', limit: 1 })).data[0];
    const before = (await data.list('cases', { filter: `status = "${to}"`, limit: 1, total: true })).total!;
    await drag(page, `[data-status="${from}"] [data-case="${record.id}"]`, `[data-status="${to}"]`);
    await page.locator(`[data-status="${to}"] [data-case="${record.id}"]`).waitFor();
    await expect.poll(() => page.locator(`[data-status="${to}"] [data-testid="status-count"]`).textContent()).toBe(`${before + 1} cases`);
    await expect.poll(async () => (await data.get('cases', String(record.id))).status).toBe(to);
    await page.reload();
    await page.locator(`[data-status="${to}"] [data-case="${record.id}"]`).waitFor();
    expect(await page.locator(`[data-status="${from}"] [data-case="${record.id}"]`).count()).toBe(0);
  });

  it('undoes a move the server refuses because the case changed meanwhile, and says so', async () => {
    const data = await backstage(server);
    const record = (await data.list('cases', { filter: 'status = "open"', sort: '-openedAt', limit: 1 })).data[0];
    await page.reload();
    await page.locator(`[data-status="open"] [data-case="${record.id}"]`).waitFor();
    await data.update('cases', String(record.id), { priority: 'urgent' });
    await drag(page, `[data-status="open"] [data-case="${record.id}"]`, '[data-status="closed"]');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/changed by someone else/);
    await page.locator(`[data-status="open"] [data-case="${record.id}"]`).waitFor();
    expect((await data.get('cases', String(record.id))).status).toBe('open');
    await screenshot(page, '58-case-board-refused');
  });

  it('undoes a move a role may not make (403) and says why', async () => {
    const data = await backstage(server);
    const record = (await data.list('cases', { filter: 'status = "open"', sort: '-openedAt', limit: 1 })).data[0];
    const other = await signedInAs(server, { email: 'rep@e2e.example', name: 'Sam Rep', password: TEST_PASSWORDS[1], role: 'salesRep' }, { next: '/cases/board' });
    try {
      const rep = other.page;
      await rep.locator(`[data-status="open"] [data-case="${record.id}"]`).waitFor();
      await drag(rep, `[data-status="open"] [data-case="${record.id}"]`, '[data-status="pending"]');
      await expect.poll(() => rep.getByRole('alert').textContent()).toMatch(/your role may not change this case/);
      await rep.locator(`[data-status="open"] [data-case="${record.id}"]`).waitFor();
      expect((await data.get('cases', String(record.id))).status).toBe('open');
    } finally {
      await other.close();
    }
  });
});
