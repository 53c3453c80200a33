// The web app on a 375 px wide phone: every main page fits the width (wide content scrolls
// inside its own box, never the page), and the navigation opens from the labelled burger and
// takes the user to another page. Screenshots of each page go to test-artifacts/web/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, settled } from './support/axe.js';
import { screenshot } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

const PHONE = { width: 375, height: 740 };

/** How far the page reaches past the screen's right edge, in CSS pixels (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function drawn(page: Page, selector: string) {
  await page.locator(selector).first().waitFor();
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await settled(page);
}

describe('the web app on a 375 px wide phone', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;
  let personId: string;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage({
      next: '/',
      viewport: PHONE,
      async arrange(live) {
        const ctx = await live.services.workspaces.contextForSlug(live.workspaceSlug, 'system');
        await live.services.metrics.recomputeAll(ctx, { refit: true });
      },
    }));
    personId = String((await (await backstage(server)).list('people', { filter: 'lifecycleStage = "customer"', sort: 'email', limit: 1 })).data[0].id);
  }, 180_000);
  afterAll(() => close?.());

  const PAGES: [name: string, path: () => string, ready: string][] = [
    ['home', () => '/', '[data-card="pipeline"] canvas'],
    ['people-list', () => '/objects/people', 'table[aria-label="People"] tbody tr'],
    ['person-record', () => `/objects/people/${personId}`, '[data-field="email"]'],
    ['deal-board', () => '/deals/board', '[data-deal]'],
    ['case-board', () => '/cases/board', '[data-case]'],
    ['relationship', () => '/relationship', '[data-card="nps"] canvas'],
    ['settings-fields', () => '/settings/fields/people', 'table[aria-label="Fields of People"] tbody tr'],
    ['settings-roles', () => '/settings/roles', 'table tbody tr'],
  ];

  it.each(PAGES)('fits the %s page in the width of the screen', async (name, path, ready) => {
    await page.goto(path());
    await drawn(page, ready);
    await screenshot(page, `70-phone-${name}`);
    expect(await overflow(page)).toBe(0);
  });

  it('opens the navigation from the burger, and a link in it goes to its page and folds it away', async () => {
    await page.goto('/objects/people');
    await drawn(page, 'table[aria-label="People"] tbody tr');
    const nav = page.getByRole('navigation', { name: 'Objects' });
    expect(await nav.isVisible()).toBe(false);
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.click();
    await nav.getByRole('link', { name: 'Deal board', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Close navigation' }).getAttribute('aria-expanded')).toBe('true');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '70-phone-navigation');
    await nav.getByRole('link', { name: 'Deal board', exact: true }).click();
    await page.waitForURL(/\/deals\/board$/);
    await page.getByRole('heading', { name: 'Deal board' }).waitFor();
    await expect.poll(() => nav.isVisible()).toBe(false);
  });

  it('reaches the navigation by keyboard: the skip link first, then the burger, and Enter opens it', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open navigation');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Objects' }).getByRole('link', { name: 'Home', exact: true }).waitFor();
  });
});
