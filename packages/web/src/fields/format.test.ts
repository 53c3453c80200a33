import { describe, expect, it } from 'vitest';
import { formatMoney } from './format.js';

describe('formatMoney', () => {
  it('writes every cent of an amount that has cents, and none of a whole one', () => {
    expect(formatMoney(1_436_290, 'EUR')).toMatch(/14.362[.,]90\D*$/);
    expect(formatMoney(15_820, 'EUR')).toMatch(/158[.,]20\D*$/);
    expect(formatMoney(-28_755, 'EUR')).toMatch(/287[.,]55\D*$/);
    expect(formatMoney(4_200_000, 'EUR')).toMatch(/42.000\D*$/);
    // A currency without minor units.
    expect(formatMoney(1_234, 'JPY')).toMatch(/1.234\D*$/);
  });
});
