// The production build's budget: the JavaScript a first visit loads (the entry script and the
// chunks index.html preloads) stays within 350 KB gzip, and each page (and the search palette) is
// its own chunk, loaded only when its route opens (the palette: when search first opens).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_ROOT } from './support/live-server.js';

export const INITIAL_JS_BUDGET = 350 * 1024;

function initialScripts(): string[] {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
  return [...new Set(sources)];
}

describe('the production build of the web app', () => {
  it(`loads at most ${INITIAL_JS_BUDGET / 1024} KB of JavaScript (gzip) on a first visit`, () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => ({ src, gzip: gzipSync(readFileSync(join(WEB_ROOT, src))).length }));
    const total = sizes.reduce((sum, file) => sum + file.gzip, 0);
    console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} file(s): ${sizes.map((file) => `${file.src} ${(file.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('splits each page into a chunk of its own that the first visit does not load', () => {
    const assets = readdirSync(join(WEB_ROOT, 'assets'));
    const initial = new Set(initialScripts().map((src) => src.replace(/^\/assets\//, '')));
    for (const page of ['home-page', 'list-page', 'record-page', 'deal-board-page', 'case-board-page', 'relationship-page', 'search-palette', 'filter-builder', 'settings-page', 'fields-section', 'pipelines-section', 'roles-section']) {
      const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'));
      expect(chunk, page).toBeDefined();
      expect(initial.has(chunk!), page).toBe(false);
    }
  });
});
