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
 * Cost to serve: support minutes at `hourlyCost` (minor units per hour) plus campaign cost (a
 * customer's shares of their campaigns, which may be fractions of a minor unit), rounded once to
 * a whole minor unit.
 * @example costToServe(90, 4000, 250.5) // 6251
 */
export function costToServe(supportMinutes: number, hourlyCost: number, campaignCost: number): number {
  return Math.round((supportMinutes * hourlyCost) / 60 + campaignCost);
}

/** Each customer's profit. */
export function customerProfits(ledgers: readonly CustomerLedger[], hourlyCost: number): CustomerProfit[] {
  return ledgers.map((ledger) => {
    const serve = costToServe(ledger.supportMinutes, hourlyCost, ledger.campaignCost);
    return { customerId: ledger.customerId, revenue: ledger.revenue, costOfGoods: ledger.costOfGoods, costToServe: serve, profit: ledger.revenue - ledger.costOfGoods - serve };
  });
}
