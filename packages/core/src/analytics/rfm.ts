// RFM (SPEC §7.3): recency, frequency and monetary value scored 1–5 by quintile among the
// customers compared, and named segments from the recency and frequency scores.

export interface RfmInput {
  customerId: string;
  /** Days since the last purchase (lower is better). */
  recencyDays: number;
  /** Number of purchases. */
  frequency: number;
  /** Revenue in minor units. */
  monetary: number;
}

export const RFM_SEGMENTS = [
  'champions', 'loyal', 'potentialLoyalists', 'newCustomers', 'cannotLoseThem', 'atRisk', 'needAttention', 'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScore {
  customerId: string;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/**
 * Quintile scores 1–5 of `values` (5 for the highest unless `lowerIsBetter`). Equal values get
 * equal scores: a value's score comes from how many values are below it.
 * @example quintiles([10, 20, 30, 40, 50]) // [1, 2, 3, 4, 5]
 */
export function quintiles(values: readonly number[], lowerIsBetter = false): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((value) => {
    // Values strictly below (or, when lower is better, strictly above).
    const better = lowerIsBetter ? n - upperBound(sorted, value) : lowerBound(sorted, value);
    return Math.min(5, Math.floor((better * 5) / n) + 1);
  });
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The named segment of recency and frequency scores (the usual RFM grid), first rule that applies. */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && f >= 2) return 'potentialLoyalists';
  if (r >= 4) return 'newCustomers';
  if (r === 1 && f >= 4) return 'cannotLoseThem';
  if (r <= 2 && f >= 3) return 'atRisk';
  if (r === 3) return 'needAttention';
  return 'hibernating';
}

/**
 * RFM scores and segments of a set of customers.
 * @example rfm([{ customerId: 'a', recencyDays: 3, frequency: 9, monetary: 90_000 }, …])
 */
export function rfm(customers: readonly RfmInput[]): RfmScore[] {
  const r = quintiles(customers.map((c) => c.recencyDays), true);
  const f = quintiles(customers.map((c) => c.frequency));
  const m = quintiles(customers.map((c) => c.monetary));
  return customers.map((c, i) => ({ customerId: c.customerId, r: r[i], f: f[i], m: m[i], segment: rfmSegment(r[i], f[i]) }));
}

/**
 * Cut points that score any customer as `rfm` would score them among `customers`: for higher-
 * is-better measures the k-th cut is the value at rank ⌈k·n/5⌉ (a value above it scores > k);
 * for recency (lower is better) the value at rank n − ⌈k·n/5⌉ + 1 (a value below it scores > k).
 * Stored per workspace, they let one customer's scores be recomputed without the others.
 */
export interface RfmBreakpoints {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

export function rfmBreakpoints(customers: readonly RfmInput[]): RfmBreakpoints | null {
  const n = customers.length;
  if (n === 0) return null;
  const cuts = (values: number[], lowerIsBetter: boolean) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [1, 2, 3, 4].map((k) => (lowerIsBetter ? sorted[n - Math.ceil((k * n) / 5)] : sorted[Math.ceil((k * n) / 5) - 1]));
  };
  return {
    recencyDays: cuts(customers.map((c) => c.recencyDays), true),
    frequency: cuts(customers.map((c) => c.frequency), false),
    monetary: cuts(customers.map((c) => c.monetary), false),
  };
}

/** One customer's RFM scores and segment against stored cut points. */
export function rfmScore(customer: RfmInput, cuts: RfmBreakpoints): RfmScore {
  const above = (value: number, points: number[]) => 1 + points.filter((p) => value > p).length;
  const r = 1 + cuts.recencyDays.filter((p) => customer.recencyDays < p).length;
  const f = above(customer.frequency, cuts.frequency);
  const m = above(customer.monetary, cuts.monetary);
  return { customerId: customer.customerId, r, f, m, segment: rfmSegment(r, f) };
}
