import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText, foldAscii } from '@rapport/core';

/** Reference order: the code points, compared one by one. */
function byCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Math.sign(x[i] - y[i]);
  return Math.sign(x.length - y.length);
}

describe('compareText', () => {
  it('orders by code point, unlike UTF-16 comparison', () => {
    expect('\u{1F600}' < '\uFF5E').toBe(true);
    expect(compareText('\u{1F600}', '\uFF5E')).toBe(1);
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('B', 'a')).toBe(-1);
    expect(compareText('ab', 'a')).toBe(1);
    expect(compareText('é', 'é')).toBe(0);
    expect(compareText('', '')).toBe(0);
  });

  it('agrees with comparing code points one by one', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'é', '\uFF5E', '\u{1F600}', '\u{10FFFF}', '\uD800', '\uDC00') }));
    fc.assert(fc.property(text, text, (a, b) => {
      expect(compareText(a, b)).toBe(byCodePoints(a, b));
    }), { numRuns: 2000 });
  });
});

describe('foldAscii', () => {
  it('lower-cases A to Z and nothing else', () => {
    expect(foldAscii('ÉCOLE Zürich [@]^_`')).toBe('École zürich [@]^_`');
    expect(foldAscii('ÜÀ ΣΑΣ')).toBe('ÜÀ ΣΑΣ');
  });
});
