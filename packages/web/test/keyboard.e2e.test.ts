// The web app by keyboard alone: Tab reaches a cell of the people table, Enter opens its
// editor, typing and Enter save it and the focus comes back to the cell; on the deal board
// a card is lifted with space from its Move handle, carried to the next stage with the right
// arrow (the screen reader hears where it is), and dropped with space, for good.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

/** The accessible name (aria-label, else text) of the focused element. */
const focusedName = (page: Page) => page.evaluate(() => {
  const element = document.activeElement;
  return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
});

/** Presses Tab until the focused element's name matches, and fails after `limit` presses. */
async function tabTo(page: Page, name: RegExp, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (name.test(await focusedName(page))) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name} in ${limit} presses; the focus is on “${await focusedName(page)}”`);
}

describe('the web app by keyboard', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage());
  }, 120_000);
  afterAll(() => close?.());

  it('edits a cell of the people table with Tab, Enter, typing and Enter, and gives the focus back to the cell', async () => {
    const data = await backstage(server);
    const person = (await data.list('people', { sort: 'email', limit: 1 })).data[0];
    await page.goto(`/objects/people?filter=${encodeURIComponent(`email = "${person.email}"`)}`);
    await page.locator('tbody tr').first().getByRole('button', { name: /^Edit Phone/ }).waitFor();
    await page.getByLabel('Filter').focus();

    const presses = await tabTo(page, /^Edit Phone/);
    expect(presses).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    const input = page.getByRole('dialog').getByRole('textbox', { name: 'Phone' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('+44 20 7946 0321');
    await page.keyboard.press('Enter');

    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await data.get('people', String(person.id))).phone).toBe('+442079460321');
    await expect.poll(() => focusedName(page)).toMatch(/^Edit Phone: \+442079460321$/);
  });

  it('moves a deal to the next stage with the keyboard: space, right arrow, space', async () => {
    const data = await backstage(server);
    const pipeline = (await data.list('pipelines', { filter: 'isDefault = true', limit: 1 })).data[0];
    const stages = (await data.list('stages', { filter: `pipelineId = "${pipeline.id}"`, sort: 'position', limit: 50 })).data;
    const [from, to] = stages.filter((stage) => stage.kind === 'open');
    const deal = (await data.list('deals', { filter: `stageId = "${from.id}"`, sort: '-amount', limit: 1 })).data[0];

    await page.goto('/deals/board');
    const handle = page.locator(`[data-stage="${from.name}"] [data-deal="${deal.id}"]`).getByRole('button', { name: new RegExp(`^Move ${String(deal.name)}`) });
    await handle.waitFor();
    await handle.focus();
    const announcer = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await expect.poll(() => announcer.textContent()).toBe(`Picked up ${String(deal.name)}, in stage ${String(from.name)}.`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => announcer.textContent()).toBe(`${String(deal.name)} is over stage ${String(to.name)}.`);
    await page.keyboard.press('Space');
    await expect.poll(() => announcer.textContent()).toBe(`${String(deal.name)} was dropped on stage ${String(to.name)}.`);

    await page.locator(`[data-stage="${to.name}"] [data-deal="${deal.id}"]`).waitFor();
    await expect.poll(async () => (await data.get('deals', String(deal.id))).stageId).toBe(to.id);
    await page.reload();
    await page.locator(`[data-stage="${to.name}"] [data-deal="${deal.id}"]`).waitFor();
    expect(await page.locator(`[data-stage="${from.name}"] [data-deal="${deal.id}"]`).count()).toBe(0);
  });

  it('leaves a lifted deal where it was when Escape cancels the move', async () => {
    const data = await backstage(server);
    const pipeline = (await data.list('pipelines', { filter: 'isDefault = true', limit: 1 })).data[0];
    const [first, second] = (await data.list('stages', { filter: `pipelineId = "${pipeline.id}"`, sort: 'position', limit: 50 })).data;
    const deal = (await data.list('deals', { filter: `stageId = "${second.id}"`, sort: '-amount', limit: 1 })).data[0];
    await page.goto('/deals/board');
    const card = page.locator(`[data-stage="${second.name}"] [data-deal="${deal.id}"]`);
    await card.getByRole('button', { name: /^Move / }).focus();
    const announcer = page.locator('[id^="DndLiveRegion"]');
    // Each key waits for the board to say it was taken: the sensor listens only once the card is lifted.
    await page.keyboard.press('Space');
    await expect.poll(() => announcer.textContent()).toBe(`Picked up ${String(deal.name)}, in stage ${String(second.name)}.`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => announcer.textContent()).toBe(`${String(deal.name)} is over stage ${String(first.name)}.`);
    await page.keyboard.press('Escape');
    await expect.poll(() => announcer.textContent()).toBe(`Moving ${String(deal.name)} was cancelled; it stays in stage ${String(second.name)}.`);
    expect(await card.count()).toBe(1);
    expect((await data.get('deals', String(deal.id))).version).toBe(deal.version);
  });
});
