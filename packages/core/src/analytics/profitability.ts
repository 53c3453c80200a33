// Profitability (SPEC §7.3) per customer: revenue − cost of goods − cost to serve, where cost to
// serve is support time on their cases at an hourly cost plus their share of the campaigns that
// targeted them (each campaign's cost split evenly over its members).

export interface CustomerLedger {
  customerId: string;
  /** Minor units. */
  revenue: number;
  costOfGoods: number;
  supportMinutes: number;
  /** Allocated campaign cost, minor units. */
  campaignCost: number;
}

export interface CustomerProfit {
  customerId: string;
  revenue: number;
  costOfGoods: number;
  costToServe: number;
  profit: number;
}

/**
 * Cost to serve: support minutes at `hourlyCost` (minor units per hour) plus campaign cost.
 * @example costToServe(90, 4000, 250) // 6250
 */
export function costToServe(supportMinutes: number, hourlyCost: number, campaignCost: number): number {
  return Math.round((supportMinutes * hourlyCost) / 60) + campaignCost;
}

/** Each customer's profit. */
export function customerProfits(ledgers: readonly CustomerLedger[], hourlyCost: number): CustomerProfit[] {
  return ledgers.map((ledger) => {
    const serve = costToServe(ledger.supportMinutes, hourlyCost, ledger.campaignCost);
    return { customerId: ledger.customerId, revenue: ledger.revenue, costOfGoods: ledger.costOfGoods, costToServe: serve, profit: ledger.revenue - ledger.costOfGoods - serve };
  });
}

/**
 * Splits each campaign's cost evenly over its members (minor units; the remainder of the
 * division goes to the first members, so the shares add up to the cost exactly).
 * @example allocateCampaignCosts([{ cost: 100, memberIds: ['a', 'b', 'c'] }]) // Map { a → 34, b → 33, c → 33 }
 */
export function allocateCampaignCosts(campaigns: readonly { cost: number; memberIds: readonly string[] }[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const { cost, memberIds } of campaigns) {
    if (memberIds.length === 0) continue;
    const base = Math.floor(cost / memberIds.length);
    const remainder = cost - base * memberIds.length;
    memberIds.forEach((id, i) => shares.set(id, (shares.get(id) ?? 0) + base + (i < remainder ? 1 : 0)));
  }
  return shares;
}
