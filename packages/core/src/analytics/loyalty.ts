// Loyalty (SPEC §7.2) from purchases: how many customers come back, how often they buy, how long
// between purchases, how long they have been customers, how much revenue returning purchases
// bring, and how many new people customers refer.

export interface Sale {
  customerId: string;
  /** ISO 8601 instant. */
  at: string;
  /** Minor units. */
  revenue: number;
}

export interface LoyaltySummary {
  customers: number;
  purchases: number;
  /** % of customers with two purchases or more. */
  repeatPurchaseRate: number | null;
  /** Purchases per customer. */
  purchaseFrequency: number | null;
  /** Mean of each repeat customer's mean gap between purchases, in days. */
  meanInterPurchaseDays: number | null;
  /** Mean days from each customer's first purchase to `asOf`. */
  meanTenureDays: number | null;
  /** % of revenue from purchases after a customer's first. */
  returningRevenueShare: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Loyalty figures of a set of purchases, as of an instant.
 * @example loyalty([{ customerId: 'a', at: '2026-01-01T00:00:00Z', revenue: 100 }], '2026-01-31T00:00:00Z')
 */
export function loyalty(sales: readonly Sale[], asOf: string): LoyaltySummary {
  const byCustomer = new Map<string, Sale[]>();
  for (const sale of sales) byCustomer.set(sale.customerId, [...(byCustomer.get(sale.customerId) ?? []), sale]);
  const customers = byCustomer.size;
  if (customers === 0) {
    return { customers, purchases: 0, repeatPurchaseRate: null, purchaseFrequency: null, meanInterPurchaseDays: null, meanTenureDays: null, returningRevenueShare: null };
  }
  const now = Date.parse(asOf);
  let repeaters = 0;
  let gapSum = 0;
  let tenureSum = 0;
  let returningRevenue = 0;
  let revenue = 0;
  for (const list of byCustomer.values()) {
    const times = list.map((s) => Date.parse(s.at)).sort((a, b) => a - b);
    const first = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    tenureSum += (now - times[0]) / DAY_MS;
    for (const sale of list) {
      revenue += sale.revenue;
      if (sale !== first) returningRevenue += sale.revenue;
    }
    if (times.length >= 2) {
      repeaters++;
      gapSum += (times[times.length - 1] - times[0]) / DAY_MS / (times.length - 1);
    }
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    customers,
    purchases: sales.length,
    repeatPurchaseRate: round((100 * repeaters) / customers),
    purchaseFrequency: round(sales.length / customers),
    meanInterPurchaseDays: repeaters ? round(gapSum / repeaters) : null,
    meanTenureDays: round(tenureSum / customers),
    returningRevenueShare: revenue ? round((100 * returningRevenue) / revenue) : null,
  };
}

export interface Referral {
  referrerId: string;
  referredId: string;
  /** Whether the referred person has bought since. */
  referredBought: boolean;
}

export interface ReferralSummary {
  /** People referred by the customers. */
  referrals: number;
  /** Of them, how many have bought. */
  referredBuyers: number;
  /** Customers who referred at least one person. */
  referringCustomers: number;
  /** % of customers who referred at least one person. */
  referringRate: number | null;
}

/**
 * Referrals made by a set of customers: links from referrers outside `customerIds` are left out.
 * @example referrals([{ referrerId: 'a', referredId: 'c', referredBought: true }], ['a', 'b'])
 *   // { referrals: 1, referredBuyers: 1, referringCustomers: 1, referringRate: 50 }
 */
export function referrals(links: readonly Referral[], customerIds: Iterable<string>): ReferralSummary {
  const customers = new Set(customerIds);
  const counted = links.filter((link) => customers.has(link.referrerId));
  const referring = new Set(counted.map((link) => link.referrerId)).size;
  return {
    referrals: counted.length,
    referredBuyers: counted.filter((link) => link.referredBought).length,
    referringCustomers: referring,
    referringRate: customers.size ? Math.round((1000 * referring) / customers.size) / 10 : null,
  };
}
