// Creating records from a list, standard and custom objects alike: the "New …" dialog built from
// the object's definition, the server's field errors under their inputs, the new record's page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

describe('creating records in a browser', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage({ people: 30 }));
  }, 120_000);
  afterAll(() => close?.());

  it('creates a person: a bad email is refused under its input, the corrected one opens the new person', async () => {
    await page.goto('/objects/people');
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person' });
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Grace');
    await dialog.getByRole('textbox', { name: 'Last name' }).fill('Hopper');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('grace.hopper-at-navy');
    await dialog.getByRole('button', { name: 'Create person' }).click();
    const email = dialog.getByRole('textbox', { name: 'Email' });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => dialog.textContent()).toMatch(/email/i);
    await screenshot(page, '80-new-person-refused');
    expect((await (await backstage(server)).list('people', { filter: 'lastName = "Hopper"', limit: 5 })).data).toHaveLength(0);

    await email.fill('grace.hopper@navy.example');
    await dialog.getByRole('button', { name: 'Create person' }).click();
    await page.waitForURL(/\/objects\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await (await backstage(server)).get('people', id)).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@navy.example' });

    // The list shows the new person.
    await page.goto(`/objects/people?filter=${encodeURIComponent('lastName = "Hopper"')}`);
    await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
  });

  it('creates a custom object in settings, then a record of it from its own list', async () => {
    await page.goto('/settings/objects');
    await page.getByRole('button', { name: 'New object' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Singular label' }).fill('Project');
    await form.getByRole('textbox', { name: 'Plural label' }).fill('Projects');
    const apiName = form.getByRole('textbox', { name: 'API name' });
    if (!(await apiName.inputValue())) await apiName.fill('projects');
    await form.getByRole('button', { name: 'Create object' }).click();
    await page.getByRole('table', { name: 'Custom objects' }).getByText('Projects', { exact: true }).first().waitFor();

    // The navigation offers the new object; its list starts empty.
    await page.goto('/objects/people');
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.waitForURL(/\/objects\/projects$/);
    await page.getByRole('heading', { name: 'Projects', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    // The name is required: sent empty, the server's message shows under it.
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Lighthouse rollout');
    await screenshot(page, '81-new-custom-record');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/objects\/projects\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Lighthouse rollout', level: 2 }).waitFor();

    await page.goto('/objects/projects');
    await page.getByRole('link', { name: 'Lighthouse rollout' }).waitFor();
    await expect.poll(() => page.getByText(/^\d+ projects?$/).textContent()).toBe('1 project');
  });
});
