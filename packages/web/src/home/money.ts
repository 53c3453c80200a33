// Money on the home page: sums per currency read as one line, and short axis labels (€1.2M).
import { formatMoney, minorDigits } from '../fields/format';

export function moneyLine(sums: Map<string, number>, fallbackCurrency: string): string {
  return [...sums].map(([currency, sum]) => formatMoney(sum, currency)).join(' · ') || formatMoney(0, fallbackCurrency);
}

export function compactMoney(minor: number, currency: string): string {
  const major = minor / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}
