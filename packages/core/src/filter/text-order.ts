// How text compares in filters, shared with the SQL side: code-point order (SQLite BINARY,
// PostgreSQL COLLATE "C") and ASCII-only case folding (what SQLite's LIKE does).

/**
 * Lower-cases A–Z and nothing else, as SQLite's LIKE folds case.
 * @example foldAscii('ÉCOLE Zürich') // 'École zürich'
 */
export function foldAscii(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    folded += unit >= 0x41 && unit <= 0x5a ? String.fromCharCode(unit + 0x20) : text[i];
  }
  return folded;
}

/**
 * Compares by Unicode code point (not JS's UTF-16 unit order, which puts U+1F600 before U+FF5E):
 * negative, 0 or positive.
 * @example compareText('\uFF5E', '\u{1F600}') // -1
 */
export function compareText(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : i >= a.length ? -1 : 1;
}
