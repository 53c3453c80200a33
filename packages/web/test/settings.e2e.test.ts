// The settings area end to end: an admin adds a custom field and uses it at once in the people
// table and on a record page; reorders stages by drag (mouse and keyboard) for good; edits a
// custom role's grid; creates an API key that is shown once; invites a member. A read-only member
// sees no edit controls anywhere and the API refuses their writes; they may still turn on
// two-factor for themselves. One server, two browsers (one per member).
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORDS } from '../../server/test/support/server-log.js';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInAs, signedInPage } from './support/signed-in.js';

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for running transitions (a modal opening) so a screenshot shows the settled page. */
async function settled(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

async function stageNames(page: Page): Promise<string[]> {
  return page.locator('[data-stage-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stage-row') ?? ''));
}

describe('settings in a browser', () => {
  let server: LiveServer;
  let admin: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;
  const reader = { email: 'reader@e2e.example', password: TEST_PASSWORDS[1] };

  beforeAll(async () => {
    ({ server, browser: admin, page, close } = await signedInPage({
      people: 40,
      async arrange(live) {
        const ctx = await live.services.workspaces.contextForSlug(live.workspaceSlug, 'system');
        await live.services.users.addToWorkspace(ctx.workspaceId, { email: reader.email, name: 'Rita Reader', password: reader.password, role: 'readOnly' });
      },
    }));
  }, 120_000);
  afterAll(() => close?.());

  it('adds a custom select field, shows the API error on the name input, and lists it as custom', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL(/\/settings\/fields$/);
    await page.getByRole('table', { name: 'Fields of People' }).waitFor();
    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Email');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    // The name derived from the label is taken: the server's 409 names the field.
    await expect.poll(() => dialog.locator('.mantine-InputWrapper-error').textContent()).toMatch(/taken/);
    expect(await dialog.getByRole('textbox', { name: 'API name' }).getAttribute('aria-invalid')).toBe('true');
    await settled(page);
    await screenshot(page, '40-settings-field-error');

    await dialog.getByRole('textbox', { name: 'Label' }).fill('Loyalty tier');
    expect(await dialog.getByRole('textbox', { name: 'API name' }).inputValue()).toBe('loyaltyTier'); // derived from the label
    await choose(page, 'Type', 'Select (one choice)');
    const choices = dialog.getByRole('combobox', { name: 'Choices' });
    for (const choice of ['Gold', 'Silver', 'Bronze']) {
      await choices.fill(choice);
      await choices.press('Enter');
    }
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Set by the loyalty team each quarter.');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tr[data-field="loyaltyTier"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Custom');
    expect(await page.locator('tr[data-field="email"]').getByRole('button').count()).toBe(0); // standard fields are read-only
    await screenshot(page, '41-settings-fields');
  });

  it('shows the new field in the people table through the column chooser and edits it on a record page', async () => {
    await page.goto('/objects/people');
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Loyalty tier' }).click(); // the checkbox follows the URL a moment later
    await page.keyboard.press('Escape');
    await page.getByRole('columnheader', { name: /Loyalty tier/ }).waitFor();

    const person = (await (await backstage(server)).list('people', { sort: 'email', limit: 1 })).data[0];
    await page.goto(`/objects/people/${person.id}`);
    await page.getByRole('button', { name: 'Edit Loyalty tier' }).click();
    await page.getByRole('combobox', { name: 'Loyalty tier' }).click();
    await page.getByRole('option', { name: 'Gold', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('[data-field="loyaltyTier"]').textContent()).toContain('Gold');
    expect((await (await backstage(server)).get('people', person.id)).loyaltyTier).toBe('gold');
  });

  it('deletes a custom field to the trash and restores it', async () => {
    await page.goto('/settings/fields/people');
    await page.getByRole('button', { name: 'Delete field Loyalty tier' }).click();
    await page.getByRole('button', { name: 'Restore field Loyalty tier' }).click();
    await page.locator('tr[data-field="loyaltyTier"]').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Restore field Loyalty tier' }).count()).toBe(0);
    const person = (await (await backstage(server)).list('people', { filter: 'loyaltyTier = "gold"', limit: 5 })).data;
    expect(person).toHaveLength(1); // its values came back with it
  });

  it('reorders stages by dragging a handle and by keyboard, and keeps the order after reload', async () => {
    await page.goto('/settings/pipelines');
    await page.locator('[data-stage-row]').first().waitFor();
    const before = await stageNames(page);
    const [first, second] = before;
    const handle = await page.getByRole('button', { name: `Move stage ${first}` }).boundingBox();
    const target = await page.locator(`[data-stage-row="${second}"]`).boundingBox();
    await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle!.x + 10, handle!.y + 10, { steps: 4 });
    await page.mouse.move(handle!.x + handle!.width / 2, target!.y + target!.height * 0.9, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => stageNames(page)).toEqual([second, first, ...before.slice(2)]);
    await page.getByText('Stage order saved').waitFor({ state: 'attached' });
    await page.reload();
    await page.locator('[data-stage-row]').first().waitFor();
    await expect.poll(() => stageNames(page)).toEqual([second, first, ...before.slice(2)]);
    await screenshot(page, '43-settings-stages-reordered');

    // Keyboard: space lifts, arrow down moves, space drops.
    const lifted = page.getByRole('button', { name: `Move stage ${second}` });
    await lifted.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => lifted.getAttribute('aria-pressed')).toBe('true');
    // The board measures the stages after the pick-up and then announces where the stage is: an
    // arrow pressed before that goes nowhere.
    await page.getByText(`Stage ${second} is over the place of ${second}.`).waitFor({ state: 'attached' });
    // On a loaded machine the sensor may still be measuring the list when the first arrow comes:
    // that press moves nothing and the stage is still announced over its own place, so press again.
    const moved = page.getByText(`Stage ${second} is over the place of ${first}.`);
    for (let attempt = 0; attempt < 5 && !(await moved.count()); attempt += 1) {
      await page.keyboard.press('ArrowDown');
      await moved.waitFor({ state: 'attached', timeout: 2_000 }).catch(() => undefined);
    }
    await moved.waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect.poll(() => stageNames(page)).toEqual(before);
    await page.reload();
    await page.locator('[data-stage-row]').first().waitFor();
    await expect.poll(() => stageNames(page)).toEqual(before);
    const stages = (await (await backstage(server)).list('stages', { sort: 'position', limit: 50 })).data;
    expect(stages.slice(0, 2).map((stage) => stage.name)).toEqual([first, second]);
  });

  it('creates a custom role and saves its object × action grid', async () => {
    await page.goto('/settings/roles');
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Field sales');
    expect(await dialog.getByRole('textbox', { name: 'API name' }).inputValue()).toBe('fieldSales');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await page.waitForURL(/\/settings\/roles\/fieldSales$/);
    const grid = page.getByRole('table', { name: 'Permissions of Field sales' });
    await grid.getByRole('checkbox', { name: 'People: update' }).check();
    expect(await grid.getByRole('checkbox', { name: 'People: read' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByRole('status').waitFor();
    const roles = await page.evaluate(async () => (await (await fetch('/api/v1/settings/roles')).json()) as { data: { name: string; grants: Record<string, { actions: string[] }> }[] });
    const saved = roles.data.find((role) => role.name === 'fieldSales')!;
    expect(saved.grants.people.actions).toEqual(['read', 'update']);
    expect(saved.grants['*'].actions).toEqual(['read']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '42-settings-roles-grid');

    await page.getByRole('navigation', { name: 'Roles' }).getByRole('link', { name: /^Read-only/ }).click();
    await expect.poll(() => page.getByRole('table', { name: /Permissions of/ }).getByRole('checkbox', { name: 'People: read' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save role' }).count()).toBe(0);
  });

  it('creates an API key and shows its secret once, then lists it without the secret', async () => {
    await page.goto('/settings/api-keys');
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('nightly export');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.textContent())!.trim();
    expect(key).toMatch(/^rpk_[A-Za-z0-9_-]{20,}$/);
    await page.getByRole('button', { name: 'Copy key' }).waitFor();
    await settled(page);
    await screenshot(page, '44-settings-api-key-shown-once');
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.locator('tr[data-key="nightly export"]');
    await row.waitFor();
    expect(await row.textContent()).toContain(key.slice(0, 10));
    expect(await page.content()).not.toContain(key);
    // The key works, and its use shows in the list.
    const status = await page.evaluate(async (secret) => (await fetch('/api/v1/objects/people?limit=1', { credentials: 'omit', headers: { authorization: `Bearer ${secret}` } })).status, key);
    expect(status).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('tr[data-key="nightly export"] td').nth(4).textContent()).not.toBe('never');
    await page.getByRole('button', { name: 'Revoke API key nightly export' }).click();
    await expect.poll(() => page.locator('tr[data-key="nightly export"]').textContent()).toContain('Revoked');
  });

  it('invites a member with a role, shows the one-time link, and revokes it', async () => {
    await page.goto('/settings/members');
    await page.getByRole('table', { name: 'Members' }).getByText('Rita Reader').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('new.colleague@e2e.example');
    await page.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => page.getByTestId('invitation-link').textContent()).toMatch(/\/invitation#token=rpi_/);
    await page.getByRole('button', { name: 'Revoke invitation for new.colleague@e2e.example' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Invitations' }).textContent()).toContain('Revoked');
  });

  it('fits a phone screen', async () => {
    const phone = await admin.newPage({ width: 375, height: 740 });
    await phone.goto('/settings/fields/people');
    await phone.getByRole('table', { name: 'Fields of People' }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, '47-settings-phone');
    await phone.close();
  });

  describe('as a read-only member', () => {
    let own: Page;
    let closeOwn: () => Promise<void>;

    beforeAll(async () => {
      ({ page: own, close: closeOwn } = await signedInAs(server, reader, { next: '/objects/people' }));
    }, 60_000);
    afterAll(() => closeOwn?.());

    it('sees no inline edit, no quick add, no settings link and no draggable deals', async () => {
      await own.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
      expect(await own.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect(await own.getByRole('navigation').getByRole('link', { name: 'Settings' }).count()).toBe(0);
      await screenshot(own, '48-read-only-people');

      const person = (await (await backstage(server)).list('people', { sort: 'email', limit: 1 })).data[0];
      await own.goto(`/objects/people/${person.id}`);
      await own.locator('[data-field="email"]').waitFor();
      expect(await own.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect(await own.getByRole('heading', { name: 'Add' }).count()).toBe(0);

      await own.goto('/deals/board');
      const card = own.locator('[data-deal]').first();
      await card.waitFor();
      expect(await own.locator('[aria-roledescription="Draggable deal"]').count()).toBe(0);
      const dealId = (await card.getAttribute('data-deal'))!;
      const before = await (await backstage(server)).get('deals', dealId);
      const from = (await card.boundingBox())!;
      const to = (await own.locator('[data-stage]').nth(3).boundingBox())!;
      await own.mouse.move(from.x + from.width / 2, from.y + from.height - 6);
      await own.mouse.down();
      await own.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 10 });
      await own.mouse.up();
      expect((await (await backstage(server)).get('deals', dealId)).stageId).toBe(before.stageId);
    });

    it('is refused by the API when writing from the page with their session (403)', async () => {
      const person = (await (await backstage(server)).list('people', { sort: 'email', limit: 1 })).data[0];
      const answer = await own.evaluate(async ({ id, version }) => {
        const response = await fetch(`/api/v1/objects/people/${id}`, {
          method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify({ jobTitle: 'Changed by a reader' }),
        });
        return { status: response.status, type: (await response.json()).type as string };
      }, { id: person.id, version: person.version });
      expect(answer.status).toBe(403);
      expect((await (await backstage(server)).get('people', person.id)).jobTitle).toBe(person.jobTitle);
      const field = await own.evaluate(async () => (await fetch('/api/v1/metadata/objects/people/fields', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'sneaky', label: 'Sneaky', type: 'text' }),
      })).status);
      expect(field).toBe(403);
    });

    it('sees only their own security settings and turns on two-factor with a QR code and recovery codes', async () => {
      await own.goto('/settings');
      await own.waitForURL(/\/settings\/security$/);
      const sections = own.getByRole('navigation', { name: 'Settings' }).getByRole('link');
      expect(await sections.allTextContents()).toEqual(['Security']);
      await own.goto('/settings/fields');
      await own.getByText('Only admins change workspace settings.').waitFor();
      expect(await own.getByRole('button', { name: 'Add field' }).count()).toBe(0);

      await own.goto('/settings/security');
      await own.getByRole('button', { name: 'Set up two-factor' }).click();
      await own.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      expect(await own.getByTestId('otpauth-uri').textContent()).toMatch(/^otpauth:\/\/totp\/Rapport:reader%40e2e\.example\?secret=/);
      await screenshot(own, '45-security-two-factor-enrolment');
      const secret = (await own.getByTestId('totp-secret').textContent())!.trim();
      await own.getByRole('textbox', { name: /six-digit code/ }).fill('000000');
      await own.getByRole('button', { name: 'Turn on two-factor' }).click();
      await own.getByText('That code is wrong or expired; try the current one.').waitFor();
      await own.getByRole('textbox', { name: /six-digit code/ }).fill(await generate({ secret }));
      await own.getByRole('button', { name: 'Turn on two-factor' }).click();
      const codes = own.getByTestId('recovery-codes').locator('li');
      await expect.poll(() => codes.count()).toBe(10);
      await screenshot(own, '46-security-recovery-codes');
      await own.getByRole('button', { name: 'I have saved them' }).click();
      await own.getByText('On', { exact: true }).waitFor();
      expect(await own.getByTestId('recovery-codes').count()).toBe(0);

      await own.getByRole('textbox', { name: /Current code/ }).fill(await generate({ secret }));
      await own.getByRole('button', { name: 'Turn off two-factor' }).click();
      await own.getByRole('button', { name: 'Set up two-factor' }).waitFor();
    });
  });
});
