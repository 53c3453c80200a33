// The web app end to end, relationship analytics: the dashboard draws its charts from the
// analytics API, a click on a bar opens the people behind it, a person's page explains their
// scores, a role refused profitability sees why, and figures from a stored snapshot say when
// they were computed. One server for the file; metrics are computed as `rapport analytics
// recompute` does after the demo data is made.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { ARTIFACTS, screenshot } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInAs, signedInPage } from './support/signed-in.js';

const CARDS = ['nps', 'csat', 'retention', 'profitability', 'rfm', 'churn', 'strength'];

/** Clicks the bar of category `index` of `count` in a bar chart card, just above its x axis. */
async function clickBar(page: Page, card: string, index: number, count: number) {
  const box = (await page.locator(`[data-card="${card}"] [data-chart]`).boundingBox())!;
  // The grid of the distribution charts: 44 px left, 12 px right, 40 px below.
  const width = box.width - 44 - 12;
  await page.mouse.click(box.x + 44 + (index + 0.5) * (width / count), box.y + box.height - 40 - 3);
}

describe('relationship analytics in a browser', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage({
      async arrange(live) {
        const ctx = await live.services.workspaces.contextForSlug(live.workspaceSlug, 'system');
        await live.services.metrics.recomputeAll(ctx, { refit: true });
      },
    }));
  }, 120_000);
  afterAll(() => close?.());

  it('draws the four components and relationship strength, with the figures the API gives', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Relationship', exact: true }).click();
    await page.waitForURL(/\/relationship$/);
    await page.getByRole('heading', { name: 'Relationship', level: 2 }).waitFor();
    for (const card of CARDS) {
      const section = page.locator(`[data-card="${card}"]`);
      await section.getByRole('heading', { level: 3 }).waitFor();
      // A chart, or the words saying there is nothing to chart yet; never a spinner or an error.
      await expect.poll(async () => (await section.locator('canvas').count()) + (await section.getByRole('status').count())).toBeGreaterThan(0);
      expect(await section.getByRole('alert').count(), card).toBe(0);
    }
    for (const card of ['nps', 'csat', 'retention', 'profitability', 'rfm', 'strength']) {
      expect(await page.locator(`[data-card="${card}"] canvas`).count(), card).toBeGreaterThan(0);
      expect(await page.locator(`[data-card="${card}"] [role="img"]`).getAttribute('aria-label'), card).toBeTruthy();
    }
    const satisfaction = await (await page.request.get('/api/v1/analytics/satisfaction')).json();
    expect(await page.locator('[data-figure="nps"]').textContent()).toBe(String(satisfaction.nps.nps));
    await page.waitForTimeout(300);
    await screenshot(page, '12-relationship-dashboard');
    await page.screenshot({ path: join(ARTIFACTS, '12-relationship-dashboard-full.png'), fullPage: true });
  });

  it('opens the people behind a bar of the strength histogram as a filtered list', async () => {
    const data = await backstage(server);
    const counts: number[] = [];
    for (let low = 0; low < 100; low += 10) {
      const filter = `relationshipStrength >= ${low} and relationshipStrength ${low === 90 ? '<=' : '<'} ${low + 10}`;
      counts.push((await data.list('people', { filter, limit: 1, total: true })).total!);
    }
    const fullest = counts.indexOf(Math.max(...counts));
    expect(counts[fullest]).toBeGreaterThan(0);
    const strength = page.locator('[data-card="strength"]');
    await strength.scrollIntoViewIfNeeded();
    await clickBar(page, 'strength', fullest, 10);
    await page.waitForURL(/\/objects\/people\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('filter')).toBe(`relationshipStrength >= ${fullest * 10} and relationshipStrength < ${fullest * 10 + 10}`);
    expect(url.searchParams.get('sort')).toBe('-relationshipStrength');
    await expect.poll(() => page.getByText(/^\d+ people$/).textContent()).toBe(`${counts[fullest]} people`);
    expect(await page.getByLabel('Filter').inputValue()).toBe(url.searchParams.get('filter'));
  });

  it('opens an RFM segment from the chart\'s table by keyboard-reachable links', async () => {
    await page.goto('/relationship');
    const rfm = page.locator('[data-card="rfm"]');
    await rfm.locator('canvas').waitFor();
    await rfm.getByText('Show as a table').click();
    await rfm.getByRole('link', { name: 'Champions' }).click();
    await page.waitForURL(/\/objects\/people\?/);
    expect(new URL(page.url()).searchParams.get('filter')).toBe('rfmSegment = "champions"');
    const champions = (await (await backstage(server)).list('people', { filter: 'rfmSegment = "champions"', limit: 1, total: true })).total!;
    await expect.poll(() => page.getByText(/^\d+ people?$/).textContent()).toBe(`${champions} ${champions === 1 ? 'person' : 'people'}`);
  });

  it('explains a person\'s scores on their page: each strength component with its contribution and reason', async () => {
    const data = await backstage(server);
    const person = (await data.list('people', { filter: 'relationshipStrength >= 0 and rfmSegment = "champions"', sort: '-relationshipStrength', limit: 1 })).data[0];
    const metrics = await (await page.request.get(`/api/v1/analytics/people/${person.id}/metrics`)).json();
    await page.goto(`/objects/people/${person.id}`);
    const panel = page.getByRole('region', { name: 'Relationship' });
    await panel.getByRole('list', { name: 'Strength components' }).waitFor();
    expect(await panel.locator('[data-figure="relationshipStrength"]').textContent()).toBe(`${metrics.relationshipStrength} / 100`);
    const components = panel.getByRole('list', { name: 'Strength components' }).getByRole('listitem');
    expect(await components.count()).toBe(metrics.detail.strength.components.length);
    for (const component of metrics.detail.strength.components) {
      const item = panel.locator(`[data-component="${component.name}"]`);
      expect(await item.textContent()).toContain(component.reason);
      expect(await item.textContent()).toContain(`${component.contribution} of ${component.weight} points`);
    }
    expect(await panel.locator('[data-figure="rfmSegment"]').textContent()).toBe('Champions');
    expect(await panel.textContent()).toContain(`recency ${metrics.detail.rfm.r}, frequency ${metrics.detail.rfm.f}`);
    expect(await panel.getByRole('list', { name: 'Evidence for the customer type' }).textContent()).toContain(metrics.detail.customerType.evidence[0]);
    expect(await panel.textContent()).toContain('Lifetime value');
    // From the top of the page, so that the sticky header does not cover the panel's title.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await panel.boundingBox())!;
    await page.screenshot({ path: join(ARTIFACTS, '13-relationship-panel.png'), fullPage: true, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
  });

  it('says when the figures come from a stored snapshot, and Refresh computes them now', async () => {
    const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    await server.services.snapshots.fill(ctx);
    // As slow as a large workspace's reports: slow enough to be answered from their snapshots.
    await server.services.database.system.updateTable('analytics_snapshots').set({ duration_ms: 20_000 }).where('workspace_id', '=', ctx.workspaceId).execute();
    await page.goto('/relationship');
    const notice = page.getByRole('status').filter({ hasText: 'Figures as of' });
    await notice.waitFor();
    const stored = await (await page.request.get('/api/v1/analytics/satisfaction')).json();
    expect(stored.isSnapshot).toBe(true);
    expect(await notice.locator('time').getAttribute('datetime')).toBe(stored.computedAt);
    await screenshot(page, '16-relationship-snapshot');
    await notice.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByText('Figures as of').count()).toBe(0);
    expect(await page.locator('[data-figure="nps"]').textContent()).toBe(String(stored.nps.nps));
  });

  it('shows a marketer why profitability is missing, and leaves lifetime value out of the panel, on a phone', async () => {
    const marketer = { email: 'marketer@e2e.example', name: 'Mo Marketer', password: TEST_PASSWORDS[1], role: 'marketer' };
    const phone = await signedInAs(server, marketer, { next: '/relationship', viewport: { width: 375, height: 812 } });
    try {
      const small = phone.page;
      const profitability = small.locator('[data-card="profitability"]');
      await profitability.getByText('Not available to your role').waitFor();
      expect(await profitability.textContent()).toMatch(/order costs/);
      await small.locator('[data-card="nps"] canvas').waitFor();
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(small, '14-relationship-phone');
      await profitability.scrollIntoViewIfNeeded();
      await screenshot(small, '15-relationship-phone-refused');

      const person = (await (await backstage(server)).list('people', { filter: 'rfmSegment = "champions"', limit: 1 })).data[0];
      await small.goto(`/objects/people/${person.id}`);
      const panel = small.getByRole('region', { name: 'Relationship' });
      await panel.getByRole('list', { name: 'Strength components' }).waitFor();
      expect(await panel.textContent()).not.toContain('Lifetime value');
      expect(await panel.textContent()).toContain('RFM score');
    } finally {
      await phone.close();
    }
  });
});
