// The production build's budget: the JavaScript a first visit loads stays under 350 KB gzip,
// and the pages behind routes are separate chunks loaded on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../dist');
const BUDGET_BYTES = 350 * 1024;

describe('web app bundle', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

  it(`loads at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript on first visit`, () => {
    expect(initial.length).toBeGreaterThan(0);
    const total = initial.reduce((sum, file) => sum + gzipped(file), 0);
    console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${initial.length} file(s)`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('splits the pages behind routes into their own chunks', () => {
    const chunks = readdirSync(join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
    for (const page of ['ObjectList', 'RecordPage', 'Home']) {
      const chunk = chunks.find((file) => file.startsWith(`${page}-`));
      expect(chunk, page).toBeDefined();
      expect(initial).not.toContain(`assets/${chunk}`);
    }
  });
});
