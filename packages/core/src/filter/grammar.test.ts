import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFilterParser, PARSER_PATH } from '../../../../scripts/generate-filter-parser.mjs';

describe('the generated parser', () => {
  it('is what the grammar generates today (run scripts/generate-filter-parser.mjs after editing grammar.peggy)', () => {
    const committed = readFileSync(PARSER_PATH, 'utf8');
    expect(committed.startsWith('// @ts-nocheck\n')).toBe(true);
    expect(committed === generateFilterParser()).toBe(true);
  });
});
