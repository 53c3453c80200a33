// The record page end to end: the history tab shows an edit made on the page, the timeline
// narrows to one kind, a record goes to the trash and back from its page, a relation is edited
// by searching, a stale edit shows what changed meanwhile, and a failed request keeps what was
// typed. One server and one browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startLiveServer, type LiveServer } from './support/live-server.js';
import { backstage, signIn } from './support/session.js';

/** The nth person by email: each test takes its own, so that none sees another's edits. */
async function person(server: LiveServer, nth: number) {
  return (await (await backstage(server)).list('people', { sort: 'email', limit: nth + 1 })).data[nth];
}

/** Writes and reads the engine can do that backstage() does not offer: creating, and reading the trash. */
async function engineOf(server: LiveServer) {
  const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
  return {
    create: (object: string, values: Record<string, unknown>) => server.services.engine.create(ctx, object, values),
    trashed: async (object: string, id: string) => (await server.services.engine.list(ctx, object, { filter: `id = "${id}"`, trashed: true, limit: 1 })).data[0],
  };
}

async function openRecord(page: Page, object: string, id: string, name: string) {
  await page.goto(`/objects/${object}/${id}`);
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

describe('the record page in a browser', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await openBrowser(server.url);
    page = await browser.newPage();
    await signIn(page, server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an inline edit on the history tab: who, the field, old → new', async () => {
    const someone = await person(server, 0);
    await openRecord(page, 'people', someone.id, String(someone.fullName));
    await page.getByRole('button', { name: 'Edit Job title' }).click();
    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('Head of Procurement');
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-field="jobTitle"]').textContent()).toContain('Head of Procurement');
    // Who last changed it reads as a name, not a user reference.
    await expect.poll(() => page.locator('[data-field="updatedBy"]').textContent()).toBe('Ada Admin');

    await page.getByRole('tab', { name: 'History' }).click();
    const change = page.getByRole('list', { name: 'History entries' }).locator('[data-change="jobTitle"]').first();
    await expect.poll(() => change.textContent()).toBe(`Job title: ${someone.jobTitle || 'empty'} → Head of Procurement`);
    await expect.poll(() => page.getByRole('list', { name: 'History entries' }).locator('li').first().textContent()).toContain('Ada Admin');
    await screenshot(page, '70-record-history');

    // The tab is in the address: a reload opens it again.
    await page.reload();
    await expect.poll(() => change.textContent()).toContain('Head of Procurement');
  });

  it('narrows the timeline to notes and back to everything', async () => {
    const someone = await person(server, 5);
    await (await backstage(server)).update('people', someone.id, { jobTitle: 'Office manager' });
    await (await engineOf(server)).create('notes', { personId: someone.id, title: 'Prefers email to calls', body: 'Asked not to be phoned before ten.' });
    await openRecord(page, 'people', someone.id, String(someone.fullName));
    const entries = page.getByRole('list', { name: 'Timeline entries' }).locator('li');
    const kinds = async () => entries.evaluateAll((items) => [...new Set(items.map((item) => item.getAttribute('data-kind')))].sort());
    await expect.poll(kinds).toEqual(expect.arrayContaining(['change', 'note']));

    const filter = page.getByRole('group', { name: 'Show on the timeline' });
    await filter.getByText('Notes', { exact: true }).click();
    await expect.poll(kinds).toEqual(['note']);
    expect(await page.getByRole('list', { name: 'Timeline entries' }).getByRole('link', { name: 'Prefers email to calls' }).count()).toBe(1);
    await screenshot(page, '71-timeline-notes-only');

    await filter.getByText('All', { exact: true }).click();
    await expect.poll(kinds).toEqual(expect.arrayContaining(['change', 'note']));
  });

  it('moves a record to the trash from its page after confirming, and restores it', async () => {
    const data = await backstage(server);
    const engine = await engineOf(server);
    const someone = await person(server, 1);
    await openRecord(page, 'people', someone.id, String(someone.fullName));

    // A change behind the page's back first: the move is refused with a reason, and nothing moves.
    await data.update('people', someone.id, { city: 'Porto' });
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/changed after you opened it, so it was not moved to the trash/);
    expect(await engine.trashed('people', someone.id)).toBeUndefined();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Reload the person' }).click();
    await expect.poll(() => page.locator('[data-field="city"]').textContent()).toContain('Porto');

    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('In the trash', { exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await engine.trashed('people', someone.id))?.deletedAt).toBeTruthy();
    // Its history stays readable in the trash, the move included.
    await expect.poll(() => page.getByRole('list', { name: 'History entries' }).locator('li').first().textContent()).toContain('Moved to the trash');
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await screenshot(page, '72-record-in-trash');

    // Still there, still trashed, after a reload.
    await page.reload();
    await page.getByText('In the trash', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Move to trash' }).waitFor();
    expect(await page.getByText('In the trash', { exact: true }).count()).toBe(0);
    const restored = await data.get('people', someone.id);
    expect(restored.deletedAt ?? null).toBeNull();
    await page.getByRole('button', { name: 'Edit Job title' }).waitFor();
  });

  it('changes a person\'s company by searching for it, and keeps it after reload', async () => {
    const data = await backstage(server);
    const someone = await person(server, 2);
    const company = (await data.list('companies', { filter: someone.companyId ? `id != "${someone.companyId}"` : undefined, sort: '-name', limit: 1 })).data[0];
    const name = String(company.name);
    await openRecord(page, 'people', someone.id, String(someone.fullName));

    await page.getByRole('button', { name: 'Edit Company' }).click();
    const picker = page.getByRole('combobox', { name: 'Company' });
    await picker.fill(name.slice(0, Math.min(name.length, 6)));
    await page.getByRole('option', { name, exact: true }).click();
    await screenshot(page, '73-relation-picked');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const link = page.locator('[data-field="companyId"]').getByRole('link');
    await expect.poll(() => link.textContent()).toBe(name);
    await expect.poll(async () => (await data.get('people', someone.id)).companyId).toBe(company.id);

    await page.reload();
    await expect.poll(() => link.textContent()).toBe(name);
    expect(await link.getAttribute('href')).toBe(`/objects/companies/${company.id}`);
  });

  it('shows which fields changed meanwhile when an edit is stale, keeps the draft, and applies it on request', async () => {
    const data = await backstage(server);
    const someone = await person(server, 3);
    await openRecord(page, 'people', someone.id, String(someone.fullName));
    await page.getByRole('button', { name: 'Edit Job title' }).click();
    await data.update('people', someone.id, { city: 'Reykjavík' });

    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('Chief Buyer');
    await input.press('Enter');
    const changed = page.getByRole('list', { name: 'Changed since you opened it' }).locator('[data-change="city"]');
    await expect.poll(() => changed.textContent()).toBe(`City: ${someone.city || 'empty'} → Reykjavík`);
    expect(await input.inputValue()).toBe('Chief Buyer');
    expect((await data.get('people', someone.id)).jobTitle).toBe(someone.jobTitle);
    const apply = page.getByRole('button', { name: 'Apply my change to the latest version' });
    await expect.poll(() => apply.getAttribute('data-loading')).toBeNull();
    await screenshot(page, '74-stale-edit');

    await apply.click();
    await expect.poll(() => page.locator('[data-field="jobTitle"]').textContent()).toContain('Chief Buyer');
    const saved = await data.get('people', someone.id);
    expect(saved.jobTitle).toBe('Chief Buyer');
    expect(saved.city).toBe('Reykjavík');
    await expect.poll(() => page.locator('[data-field="city"]').textContent()).toContain('Reykjavík');
  });

  it('keeps what was typed when the server cannot be reached, across a reload, and sends it later', async () => {
    const data = await backstage(server);
    const someone = await person(server, 4);
    await openRecord(page, 'people', someone.id, String(someone.fullName));

    // An inline edit that fails keeps its draft and says why.
    await page.route(`**/api/v1/objects/people/${someone.id}`, (route) => (route.request().method() === 'PATCH' ? route.abort() : route.fallback()));
    await page.getByRole('button', { name: 'Edit Job title' }).click();
    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('Logistics lead');
    await input.press('Enter');
    await page.getByText(/could not be reached/).waitFor();
    expect(await input.inputValue()).toBe('Logistics lead');
    await page.unroute(`**/api/v1/objects/people/${someone.id}`);
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-field="jobTitle"]').textContent()).toContain('Logistics lead');

    // A quick-add note that fails stays in the form, and in the tab across a reload.
    await page.route('**/api/v1/objects/notes', (route) => route.abort());
    const form = page.getByRole('form', { name: 'New note' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Call back about the invoice');
    await form.getByRole('textbox', { name: 'Body' }).fill('The March invoice has the wrong address.');
    await form.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/could not be reached/);
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Call back about the invoice');
    await screenshot(page, '75-quick-add-offline');

    await page.reload();
    await expect.poll(() => form.getByRole('textbox', { name: 'Body' }).inputValue()).toBe('The March invoice has the wrong address.');
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Call back about the invoice');

    await page.unroute('**/api/v1/objects/notes');
    await form.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Timeline entries' }).getByRole('link', { name: 'Call back about the invoice' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
    const notes = await data.list('notes', { filter: `personId = "${someone.id}" and title = "Call back about the invoice"`, total: true });
    expect(notes.total).toBe(1);

    // Sent, so a reload brings an empty form.
    await page.reload();
    await form.getByRole('textbox', { name: 'Title' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
  });
});
