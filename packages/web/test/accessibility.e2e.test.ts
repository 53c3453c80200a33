// The web app against WCAG 2.0/2.1 A and AA with axe-core, page by page: sign-in, home, the
// people list (also with rows picked and the column chooser open), a person's page and its
// history, the deal and case boards, the relationship dashboard, every settings section, the
// dialog that adds a field and the open search palette. A serious or critical violation fails the test
// and is printed with its rule, its element and what to do. One server and one browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, settled } from './support/axe.js';
import type { LiveServer } from './support/live-server.js';
import { backstage, signIn } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

/** Waits until the page has drawn its data: no loader or skeleton left, and `selector` shown. */
async function drawn(page: Page, selector: string) {
  await page.locator(selector).first().waitFor();
  await expect.poll(() => page.locator('.mantine-Loader-root, .mantine-Skeleton-root[data-visible="true"]').count()).toBe(0);
  await settled(page);
}

async function expectNoSeriousViolations(page: Page) {
  const findings = await seriousViolations(page);
  if (findings.length) console.log(`axe on ${page.url()}:\n  ${findings.join('\n  ')}`);
  expect(findings).toEqual([]);
}

const SETTINGS: [section: string, ready: string][] = [
  ['fields/people', 'table[aria-label="Fields of People"] tbody tr'],
  ['objects', 'main button'],
  ['pipelines', '[data-stage-row]'],
  ['members', 'table[aria-label="Members"] tbody tr'],
  ['teams', 'main button'],
  ['roles', 'main h3'],
  ['api-keys', 'main button'],
  ['security', 'main h3'],
];

describe('accessibility of the web app (axe-core, WCAG 2 A and AA)', () => {
  let server: LiveServer;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, page, close } = await signedInPage({
      next: null,
      async arrange(live) {
        const ctx = await live.services.workspaces.contextForSlug(live.workspaceSlug, 'system');
        await live.services.metrics.recomputeAll(ctx, { refit: true });
      },
    }));
  }, 180_000);
  afterAll(() => close?.());

  it('has no serious violation on the sign-in page, nor once it shows an error', async () => {
    await page.goto('/sign-in');
    await drawn(page, 'form');
    await expectNoSeriousViolations(page);
    await page.getByRole('textbox', { name: 'Email' }).fill(server.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoSeriousViolations(page);
  });

  describe('signed in', () => {
    beforeAll(() => signIn(page, server, '/'), 60_000);

    it('has no serious violation on the home page', async () => {
      await page.goto('/');
      await drawn(page, '[data-card="pipeline"] canvas');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation with the search palette open and showing results', async () => {
      await page.getByRole('heading', { name: 'Home' }).waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByRole('dialog', { name: 'Search' }).getByRole('combobox', { name: 'Search records' });
      await input.fill('a');
      await page.getByRole('option').first().waitFor();
      await settled(page);
      await expectNoSeriousViolations(page);
      await input.press('Escape');
    });

    it('has no serious violation on the people list', async () => {
      await page.goto('/objects/people');
      await drawn(page, 'table[aria-label="People"] tbody tr');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation on the people list with rows picked and the column chooser open', async () => {
      await page.goto('/objects/people');
      await drawn(page, 'table[aria-label="People"] tbody tr');
      await page.getByRole('checkbox', { name: /^Select (?!all)/ }).first().check();
      await page.getByRole('region', { name: 'Bulk actions' }).waitFor();
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('list', { name: 'Columns shown, in order' }).waitFor();
      await expectNoSeriousViolations(page);
      await page.keyboard.press('Escape');
    });

    it('has no serious violation on a person\'s page', async () => {
      const data = await backstage(server);
      const person = (await data.list('people', { filter: 'lifecycleStage = "customer"', sort: 'email', limit: 1 })).data[0];
      await data.update('people', String(person.id), { jobTitle: 'Head of accessibility' }); // an entry for the History tab
      await page.goto(`/objects/people/${person.id}`);
      await drawn(page, '[data-field="email"]');
      await page.getByRole('list', { name: 'Timeline entries' }).waitFor();
      await drawn(page, 'main h2');
      await expectNoSeriousViolations(page);
      await page.getByRole('tab', { name: 'History' }).click();
      await drawn(page, '[aria-label="History entries"] li');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation on the deal board', async () => {
      await page.goto('/deals/board');
      await drawn(page, '[data-deal]');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation on the case board', async () => {
      await page.goto('/cases/board');
      await drawn(page, '[data-case]');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation on the relationship dashboard', async () => {
      await page.goto('/relationship');
      await drawn(page, '[data-card="strength"] canvas');
      await expectNoSeriousViolations(page);
    });

    it('has no serious violation in the dialog that adds a field', async () => {
      await page.goto('/settings/fields/people');
      await drawn(page, 'table[aria-label="Fields of People"] tbody tr');
      await page.getByRole('button', { name: 'Add field' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Label' }).waitFor();
      await settled(page);
      await expectNoSeriousViolations(page);
      await page.keyboard.press('Escape');
    });

    it.each(SETTINGS)('has no serious violation on the settings section %s', async (section, ready) => {
      await page.goto(`/settings/${section}`);
      await drawn(page, ready);
      await expectNoSeriousViolations(page);
    });
  });
});
