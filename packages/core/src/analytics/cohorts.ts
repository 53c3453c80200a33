// The cohort retention matrix (SPEC §7.4): customers grouped by the month of their first
// purchase; for each later month, the share of the cohort that bought in that month. Months are
// the UTC calendar months of ISO 8601 instants ("2026-03-14T…" is in 2026-03).

export interface Purchase {
  customerId: string;
  /** ISO 8601 UTC instant. */
  at: string;
}

export interface CohortRow {
  /** `YYYY-MM` of first purchases. */
  cohort: string;
  size: number;
  /** retention[k] = % of the cohort buying k months after its first month; retention[0] = 100. */
  retention: number[];
}

/** A UTC calendar month as a running index (year × 12 + month − 1). */
function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Cohort rows up to the month of `until` (the newest cohort has one column).
 * @example cohortMatrix([{ customerId: 'a', at: '2026-01-05T…' }, { customerId: 'a', at: '2026-02-01T…' }], '2026-02-28T00:00:00Z')
 *          // [{ cohort: '2026-01', size: 1, retention: [100, 100] }, …]
 */
export function cohortMatrix(purchases: readonly Purchase[], until: string): CohortRow[] {
  const last = monthIndex(until);
  const months = new Map<string, Set<number>>();
  for (const purchase of purchases) {
    const month = monthIndex(purchase.at);
    if (month > last) continue;
    let set = months.get(purchase.customerId);
    if (!set) months.set(purchase.customerId, (set = new Set()));
    set.add(month);
  }
  const cohorts = new Map<number, Set<number>[]>();
  for (const set of months.values()) {
    const first = Math.min(...set);
    cohorts.set(first, [...(cohorts.get(first) ?? []), set]);
  }
  return [...cohorts.entries()].sort(([a], [b]) => a - b).map(([first, members]) => ({
    cohort: monthLabel(first),
    size: members.length,
    retention: Array.from({ length: last - first + 1 }, (_, k) =>
      Math.round((1000 * members.filter((set) => set.has(first + k)).length) / members.length) / 10),
  }));
}

export interface PeriodRetention {
  /** `YYYY-MM`. */
  month: string;
  /** Customers who bought in the month before. */
  base: number;
  /** Of those, the ones who bought again this month. */
  retained: number;
  /** % retained; churn is 100 − retention. Null when nobody bought the month before. */
  retention: number | null;
  churn: number | null;
}

/**
 * Month-over-month retention: of the customers who bought in a month, the share who bought in
 * the next one, for every month after the first purchase up to `until`.
 * @example periodRetention(purchases, '2026-03-31T23:59:59Z') // [{ month: '2026-02', base: 2, retained: 1, retention: 50, churn: 50 }, …]
 */
export function periodRetention(purchases: readonly Purchase[], until: string): PeriodRetention[] {
  const last = monthIndex(until);
  const buyers = new Map<number, Set<string>>();
  for (const purchase of purchases) {
    const month = monthIndex(purchase.at);
    if (month > last) continue;
    let set = buyers.get(month);
    if (!set) buyers.set(month, (set = new Set()));
    set.add(purchase.customerId);
  }
  if (buyers.size === 0) return [];
  const first = Math.min(...buyers.keys());
  const rows: PeriodRetention[] = [];
  for (let month = first + 1; month <= last; month++) {
    const before = buyers.get(month - 1) ?? new Set<string>();
    const now = buyers.get(month) ?? new Set<string>();
    const retained = [...before].filter((id) => now.has(id)).length;
    const retention = before.size ? Math.round((1000 * retained) / before.size) / 10 : null;
    rows.push({ month: monthLabel(month), base: before.size, retained, retention, churn: retention === null ? null : Math.round((1000 - retention * 10)) / 10 });
  }
  return rows;
}

/** Buyers counted by the database, for `cohortsOfCounts`; months are `YYYY-MM`. */
export interface RetentionCounts {
  /** Customers whose first purchase was in `first` who bought in `month`. */
  cohorts: readonly { first: string; month: string; customers: number }[];
  /** Customers who bought in each month. */
  buyers: readonly { month: string; customers: number }[];
  /** Customers who bought in each month and in the month before. */
  retained: readonly { month: string; customers: number }[];
}

/**
 * The cohort matrix and month-over-month retention from counts of buyers (all months up to
 * `until`'s): the same rows as `cohortMatrix` and `periodRetention` over the purchases counted.
 * @example cohortsOfCounts({ cohorts: [{ first: '2026-01', month: '2026-01', customers: 2 }], buyers: [{ month: '2026-01', customers: 2 }], retained: [] }, '2026-01-31T00:00:00Z')
 */
export function cohortsOfCounts(counts: RetentionCounts, until: string): { cohorts: CohortRow[]; monthly: PeriodRetention[] } {
  const last = monthIndex(until);
  const cells = new Map<number, Map<number, number>>();
  for (const { first, month, customers } of counts.cohorts) {
    const row = cells.get(monthIndex(first)) ?? new Map<number, number>();
    row.set(monthIndex(month), customers);
    cells.set(monthIndex(first), row);
  }
  const cohorts = [...cells.entries()].sort(([a], [b]) => a - b).map(([first, row]) => {
    const size = row.get(first) ?? 0;
    return {
      cohort: monthLabel(first),
      size,
      retention: Array.from({ length: last - first + 1 }, (_, k) => Math.round((1000 * (row.get(first + k) ?? 0)) / size) / 10),
    };
  });
  const buyers = new Map(counts.buyers.map(({ month, customers }) => [monthIndex(month), customers]));
  const retained = new Map(counts.retained.map(({ month, customers }) => [monthIndex(month), customers]));
  const monthly: PeriodRetention[] = [];
  if (buyers.size > 0) {
    for (let month = Math.min(...buyers.keys()) + 1; month <= last; month++) {
      const base = buyers.get(month - 1) ?? 0;
      const kept = retained.get(month) ?? 0;
      const retention = base ? Math.round((1000 * kept) / base) / 10 : null;
      monthly.push({ month: monthLabel(month), base, retained: kept, retention, churn: retention === null ? null : Math.round((1000 - retention * 10)) / 10 });
    }
  }
  return { cohorts, monthly };
}
