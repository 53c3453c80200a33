// The profit whale curve (SPEC §7.3): customers ranked from most to least profitable, with the
// cumulative profit after each — it rises above total profit while profitable customers are
// added, then falls back to it as the unprofitable ones are.

export interface WhalePoint {
  /** Customers counted so far, as a share of all customers, 0–1. */
  customerShare: number;
  /** Cumulative profit of those customers (minor units). */
  cumulativeProfit: number;
  /** The same as a percentage of total profit (undefined when total profit is 0). */
  percentOfTotal: number | null;
}

export interface WhaleCurve {
  totalProfit: number;
  /** The highest cumulative profit, where the curve peaks (before unprofitable customers). */
  peakProfit: number;
  points: WhalePoint[];
}

/**
 * The whale curve of per-customer profits; the last point's cumulative profit is the total.
 * @example whaleCurve([500, -200, 300]).points.map((p) => p.cumulativeProfit) // [500, 800, 600]
 */
export function whaleCurve(profits: readonly number[]): WhaleCurve {
  const sorted = [...profits].sort((a, b) => b - a);
  const total = sorted.reduce((sum, p) => sum + p, 0);
  let running = 0;
  let peak = 0;
  const points = sorted.map((profit, i) => {
    running += profit;
    peak = Math.max(peak, running);
    return { customerShare: (i + 1) / sorted.length, cumulativeProfit: running, percentOfTotal: total === 0 ? null : (100 * running) / total };
  });
  return { totalProfit: total, peakProfit: peak, points };
}
