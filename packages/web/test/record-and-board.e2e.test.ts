// The web app end to end, record pages and the deal board: a note added on a person shows on
// their timeline and stays there; a deal dragged to another stage is moved for good, and a
// move the server refuses is undone with its reason. One server and one browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { dragCard } from './support/board.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

/** Drags a card by a point below its link (the link itself opens the deal). */
const drag = (page: Page, from: string, to: string) => dragCard(page, from, to, (card) => ({ x: card.x + card.width / 2, y: card.y + card.height - 6 }));

describe('record pages and the deal board in a browser', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage());
  }, 120_000);
  afterAll(() => close?.());

  it('opens a record from the list, adds a note, and sees it on the timeline after reload', async () => {
    const data = await backstage(server);
    const person = (await data.list('people', { filter: 'lifecycleStage = "customer"', sort: 'email', limit: 1 })).data[0];
    await page.goto(`/objects/people?filter=${encodeURIComponent(`email = "${person.email}"`)}`);
    await page.getByRole('link', { name: String(person.fullName) }).click();
    await page.waitForURL(`**/objects/people/${person.id}`);
    await page.getByRole('heading', { name: String(person.fullName), level: 2 }).waitFor();
    await page.getByRole('list', { name: 'Timeline entries' }).waitFor();

    const form = page.getByRole('form', { name: 'New note' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Renewal call booked');
    await form.getByRole('textbox', { name: 'Body' }).fill('Wants the annual plan; send the quote on Monday.');
    await form.getByRole('button', { name: 'Add note' }).click();
    const entry = page.getByRole('list', { name: 'Timeline entries' }).getByRole('link', { name: 'Renewal call booked' });
    await entry.waitFor();
    await screenshot(page, '09-person-record');

    await page.reload();
    await entry.waitFor();
    const notes = await data.list('notes', { filter: `personId = "${person.id}" and title = "Renewal call booked"`, total: true });
    expect(notes.total).toBe(1);
    expect(notes.data[0].body).toBe('Wants the annual plan; send the quote on Monday.');
  });

  it('drags a deal to another stage, updates the column totals, and keeps the move after reload', async () => {
    const data = await backstage(server);
    const pipeline = (await data.list('pipelines', { filter: 'isDefault = true', limit: 1 })).data[0];
    const stages = (await data.list('stages', { filter: `pipelineId = "${pipeline.id}"`, sort: 'position', limit: 50 })).data;
    const [from, to] = stages.filter((stage) => stage.kind === 'open');
    const deal = (await data.list('deals', { filter: `stageId = "${from.id}"`, sort: '-amount', limit: 1 })).data[0];
    const countIn = async (stage: Record<string, unknown>) => (await data.list('deals', { filter: `stageId = "${stage.id}"`, total: true, limit: 1 })).total!;
    const before = await countIn(to);

    await page.goto('/deals/board');
    const source = `[data-stage="${from.name}"]`;
    const target = `[data-stage="${to.name}"]`;
    await page.locator(`${source} [data-deal="${deal.id}"]`).waitFor();
    await screenshot(page, '10-deal-board');
    await drag(page, `${source} [data-deal="${deal.id}"]`, target);
    await page.locator(`${target} [data-deal="${deal.id}"]`).waitFor();
    await expect.poll(() => page.locator(`${target} [data-testid="stage-totals"]`).textContent()).toMatch(new RegExp(`^${before + 1} deals? · `));
    await expect.poll(async () => (await data.get('deals', String(deal.id))).stageId).toBe(to.id);

    await page.reload();
    await page.locator(`${target} [data-deal="${deal.id}"]`).waitFor();
    expect(await page.locator(`${source} [data-deal="${deal.id}"]`).count()).toBe(0);
  });

  it('puts a deal back where it was, with the reason, when the move is refused as stale (409)', async () => {
    const data = await backstage(server);
    const pipeline = (await data.list('pipelines', { filter: 'isDefault = true', limit: 1 })).data[0];
    const stages = (await data.list('stages', { filter: `pipelineId = "${pipeline.id}"`, sort: 'position', limit: 50 })).data;
    const open = stages.filter((stage) => stage.kind === 'open');
    const deal = (await data.list('deals', { filter: `stageId in (${open.map((stage) => `"${stage.id}"`).join(', ')})`, sort: '-amount', limit: 1 })).data[0];
    const from = open.find((stage) => stage.id === deal.stageId)!;
    const to = open.find((stage) => stage.id !== deal.stageId)!;

    await page.goto('/deals/board');
    await page.locator(`[data-deal="${deal.id}"]`).waitFor();
    await data.update('deals', String(deal.id), { description: 'Edited while the board was open' });
    await drag(page, `[data-stage="${from.name}"] [data-deal="${deal.id}"]`, `[data-stage="${to.name}"]`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/changed by someone else/);
    await page.locator(`[data-stage="${from.name}"] [data-deal="${deal.id}"]`).waitFor();
    await screenshot(page, '11-deal-board-refused');
    expect((await data.get('deals', String(deal.id))).stageId).toBe(from.id);
  });
});
