// How the dashboard and the relationship panel write figures.
export const percent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} %`;

export const count = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString());

/** A 0–1 probability as a percentage. */
export const probability = (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent(value * 100, 0));

const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2024-03` → `Mar 2024`. */
export function monthLabel(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return monthName.format(new Date(Date.UTC(year, index - 1, 1)));
}

/** Money in minor units, rounded to whole units: dashboard totals are read at a glance. */
export function wholeMoney(minor: number, currency: string, digits = 2): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 10 ** digits);
  } catch {
    return `${Math.round(minor / 10 ** digits)} ${currency}`;
  }
}
