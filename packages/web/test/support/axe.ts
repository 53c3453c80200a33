// axe-core in the page under test: its source evaluated in the page (it is a test-only
// dependency, never part of the app's bundle), run against WCAG 2.0 and 2.1 A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One element failing one rule: `rule (impact) target — help (what axe measured)`. */
export type AxeFinding = string;

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; impact?: string | null; any: { message: string }[] }[] }[];
}

/** Waits until no transition or animation runs, so that colours are measured as they settle. */
export async function settled(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

/**
 * The serious and critical WCAG A/AA violations on the page as it is now, one line per element.
 * Example: `expect(await seriousViolations(page)).toEqual([])`.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol: the app's Content Security Policy (script-src 'self')
  // rightly refuses an inline <script>, which is what page.addScriptTag would add.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await settled(page);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return results.violations.flatMap((violation) => violation.nodes
    .filter((node) => ['serious', 'critical'].includes(String(node.impact ?? violation.impact)))
    .map((node) => `${violation.id} (${node.impact ?? violation.impact}) ${JSON.stringify(node.target)} — ${violation.help}${node.any[0] ? ` (${node.any[0].message})` : ''}`));
}
