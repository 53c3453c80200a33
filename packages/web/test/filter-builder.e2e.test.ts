// The filter builder of a list view in a browser: rows of field, operator and value write the
// filter language into the filter input and the URL, the list shows what the API returns for
// that text, the builder reads an applied filter back into rows, a quoted name round-trips, and
// a filter the rows cannot hold is named too complex and kept; axe finds nothing serious in the
// open builder. One server and browser for the file.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { screenshot, type TestBrowser } from './support/browser.js';
import type { LiveServer } from './support/live-server.js';
import { backstage } from './support/session.js';
import { signedInPage } from './support/signed-in.js';

/** A city with both quotes and a backslash, given to one person. */
const ODD_CITY = 'Port "Quote" \\ Town';

describe('the filter builder of a list view', () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let page: Page;
  let close: () => Promise<void>;
  /** The first three letters of a customer's city: a real "contains" value of the demo data. */
  let cityPart: string;

  beforeAll(async () => {
    ({ server, browser, page, close } = await signedInPage({
      async arrange(live) {
        const data = await backstage(live);
        const [person] = (await data.list('people', { filter: 'lifecycleStage = "lead"', sort: 'email', limit: 1 })).data;
        await data.update('people', String(person.id), { city: ODD_CITY });
      },
    }));
    const data = await backstage(server);
    const [customer] = (await data.list('people', { filter: 'lifecycleStage = "customer" and not city isEmpty', sort: 'email', limit: 1 })).data;
    cityPart = String(customer.city).slice(0, 3);
  }, 120_000);
  afterAll(() => close?.());

  const builder = () => page.getByRole('region', { name: 'Filter builder' });
  const filterInput = () => page.getByRole('textbox', { name: 'Filter', exact: true });

  async function choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => scope.getByLabel(label, { exact: true }).inputValue()).toBe(option);
  }

  /** The list shows exactly the people the API returns for `filter`: the count and every email. */
  async function expectListMatchesApi(filter: string) {
    const api = await page.evaluate(async (text) => {
      const response = await fetch(`/api/v1/objects/people?filter=${encodeURIComponent(text)}&total=true&limit=200`);
      return (await response.json()) as { data: { email: string | null; city: string | null }[]; total: number };
    }, filter);
    expect(api.total).toBeGreaterThan(0);
    expect(api.total).toBeLessThan(100);
    await expect.poll(() => page.getByText(/^\d+ (people|person)$/).textContent()).toBe(`${api.total} ${api.total === 1 ? 'person' : 'people'}`);
    const table = page.getByRole('table', { name: 'People' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(api.total);
    const shown = await table.locator('tbody').textContent();
    for (const person of api.data) if (person.email) expect(shown).toContain(person.email);
    return api.data;
  }

  it('builds "Lifecycle stage is Customer and City contains …", writes it as text into the input and the URL, and lists what the API returns', async () => {
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Build' }).click();
    await choose(builder(), 'Condition 1 field', 'Lifecycle stage');
    await choose(builder(), 'Condition 1 operator', 'is');
    await choose(builder(), 'Condition 1 value', 'Customer');
    await builder().getByRole('button', { name: 'Add condition' }).click();
    await choose(builder(), 'Condition 2 field', 'City');
    await choose(builder(), 'Condition 2 operator', 'contains');
    await builder().getByRole('textbox', { name: 'Condition 2 value' }).fill(cityPart);
    const text = `lifecycleStage = "customer" and city contains ${JSON.stringify(cityPart)}`;
    await expect.poll(() => builder().locator('[data-filter-text]').textContent()).toBe(text);
    await screenshot(page, '90-filter-builder-two-conditions');
    expect(await seriousViolations(page)).toEqual([]);

    await builder().getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(() => filterInput().inputValue()).toBe(text);
    expect(await builder().count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('filter')).toBe(text);
    await expectListMatchesApi(text);
  });

  it('reads the applied filter back into rows, and applies an edited row', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Build' }).click();
    const rows = builder();
    await expect.poll(() => rows.getByLabel('Condition 1 field', { exact: true }).inputValue()).toBe('Lifecycle stage');
    expect(await rows.getByLabel('Condition 1 operator', { exact: true }).inputValue()).toBe('is');
    expect(await rows.getByLabel('Condition 1 value', { exact: true }).inputValue()).toBe('Customer');
    expect(await rows.getByLabel('Condition 2 field', { exact: true }).inputValue()).toBe('City');
    expect(await rows.getByLabel('Condition 2 operator', { exact: true }).inputValue()).toBe('contains');
    expect(await rows.getByLabel('Condition 2 value', { exact: true }).inputValue()).toBe(cityPart);

    await choose(rows, 'Condition 2 operator', 'starts with');
    await rows.getByRole('button', { name: 'Apply filter' }).click();
    const text = `lifecycleStage = "customer" and city startsWith ${JSON.stringify(cityPart)}`;
    await expect.poll(() => filterInput().inputValue()).toBe(text);
    expect(new URL(page.url()).searchParams.get('filter')).toBe(text);
    await expectListMatchesApi(text);
  });

  it('round-trips a value with double quotes and a backslash, and joins rows with or when asked', async () => {
    await page.getByRole('button', { name: 'Build' }).click();
    await rowsRemovedDownTo(1);
    await choose(builder(), 'Condition 1 field', 'City');
    await builder().getByRole('textbox', { name: 'Condition 1 value' }).fill(ODD_CITY);
    await builder().getByRole('button', { name: 'Add condition' }).click();
    await choose(builder(), 'Condition 2 field', 'City');
    await builder().getByRole('textbox', { name: 'Condition 2 value' }).fill('No such city anywhere');
    await builder().locator('label', { hasText: 'Any condition' }).click();
    await expect.poll(() => builder().getByRole('radio', { name: 'Any condition' }).isChecked()).toBe(true);
    await builder().getByRole('button', { name: 'Apply filter' }).click();
    const text = 'city = "Port \\"Quote\\" \\\\ Town" or city = "No such city anywhere"';
    await expect.poll(() => filterInput().inputValue()).toBe(text);
    expect(new URL(page.url()).searchParams.get('filter')).toBe(text);
    expect((await expectListMatchesApi(text)).map((person) => person.city)).toEqual([ODD_CITY]);

    await page.getByRole('button', { name: 'Build' }).click();
    await expect.poll(() => builder().getByRole('textbox', { name: 'Condition 1 value' }).inputValue()).toBe(ODD_CITY);
    expect(await builder().getByRole('radio', { name: 'Any condition' }).isChecked()).toBe(true);
    await builder().getByRole('button', { name: 'Cancel' }).click();
  });

  async function rowsRemovedDownTo(count: number) {
    await builder().getByRole('group', { name: 'Condition 1' }).waitFor();
    while (await builder().getByRole('button', { name: /^Remove condition/ }).count() > count) {
      await builder().getByRole('button', { name: /^Remove condition/ }).last().click();
    }
  }

  it('names a filter with nested or and parentheses too complex, keeps its text, and offers to start over', async () => {
    const text = 'city = "Paris" or (lifecycleStage = "lead" and not city isEmpty)';
    await filterInput().fill(text);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL(/filter=city/);
    await page.getByRole('button', { name: 'Build' }).click();
    await expect.poll(() => builder().textContent()).toMatch(/too complex for the builder/i);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await filterInput().inputValue()).toBe(text);
    await builder().getByRole('button', { name: 'Close' }).click();
    expect(await filterInput().inputValue()).toBe(text);
    expect(new URL(page.url()).searchParams.get('filter')).toBe(text);

    await page.getByRole('button', { name: 'Build' }).click();
    await builder().getByRole('button', { name: 'Start over' }).click();
    await expect.poll(() => builder().getByRole('button', { name: /^Remove condition/ }).count()).toBe(1);
    expect(await filterInput().inputValue()).toBe(text);
    await builder().getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens on unapplied text with a syntax error without losing it, and the API’s message still shows under the input', async () => {
    await filterInput().fill('lifecycleStage = ');
    await page.getByRole('button', { name: 'Build' }).click();
    await expect.poll(() => builder().textContent()).toMatch(/cannot read this filter.*column/i);
    await builder().getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.locator('.mantine-TextInput-error').textContent()).toMatch(/column/i);
    expect(await filterInput().inputValue()).toBe('lifecycleStage =');
  });

  it('fits a 375 px wide phone with two conditions open', async () => {
    const phone = await browser.newPage({ width: 375, height: 740 });
    try {
      await phone.goto(`/objects/people?filter=${encodeURIComponent(`lifecycleStage = "customer" and city contains ${JSON.stringify(cityPart)}`)}`);
      await phone.getByRole('button', { name: 'Build' }).click();
      const rows = phone.getByRole('region', { name: 'Filter builder' });
      await expect.poll(() => rows.getByLabel('Condition 2 value', { exact: true }).inputValue()).toBe(cityPart);
      await rows.scrollIntoViewIfNeeded();
      await screenshot(phone, '91-filter-builder-phone');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    } finally {
      await phone.close();
    }
  });
});
