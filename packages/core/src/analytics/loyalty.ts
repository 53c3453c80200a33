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

/** One customer's purchases summed up: what loyalty needs of them. */
export interface CustomerPurchases {
  purchases: number;
  /** ISO 8601 instants of the first and last purchase. */
  first: string;
  last: string;
  /** Minor units: all purchases, and the first one (the earliest; one of them if several share its instant). */
  revenue: number;
  firstRevenue: number;
}

/**
 * Loyalty figures of a set of purchases, as of an instant.
 * @example loyalty([{ customerId: 'a', at: '2026-01-01T00:00:00Z', revenue: 100 }], '2026-01-31T00:00:00Z')
 */
export function loyalty(sales: readonly Sale[], asOf: string): LoyaltySummary {
  const byCustomer = new Map<string, CustomerPurchases>();
  for (const sale of sales) {
    const customer = byCustomer.get(sale.customerId);
    if (!customer) {
      byCustomer.set(sale.customerId, { purchases: 1, first: sale.at, last: sale.at, revenue: sale.revenue, firstRevenue: sale.revenue });
      continue;
    }
    customer.purchases += 1;
    customer.revenue += sale.revenue;
    if (Date.parse(sale.at) < Date.parse(customer.first)) [customer.first, customer.firstRevenue] = [sale.at, sale.revenue];
    if (Date.parse(sale.at) > Date.parse(customer.last)) customer.last = sale.at;
  }
  return loyaltyOfCustomers([...byCustomer.values()], asOf);
}

/**
 * Loyalty figures from each customer's purchases summed up (as a database can sum them per customer).
 * @example loyaltyOfCustomers([{ purchases: 2, first: '2026-01-01T00:00:00Z', last: '2026-01-11T00:00:00Z', revenue: 150, firstRevenue: 100 }], '2026-01-31T00:00:00Z')
 */
export function loyaltyOfCustomers(customers: readonly CustomerPurchases[], asOf: string): LoyaltySummary {
  if (customers.length === 0) {
    return { customers: 0, purchases: 0, repeatPurchaseRate: null, purchaseFrequency: null, meanInterPurchaseDays: null, meanTenureDays: null, returningRevenueShare: null };
  }
  const now = Date.parse(asOf);
  let purchases = 0;
  let repeaters = 0;
  let gapSum = 0;
  let tenureSum = 0;
  let returningRevenue = 0;
  let revenue = 0;
  for (const customer of customers) {
    const first = Date.parse(customer.first);
    purchases += customer.purchases;
    tenureSum += (now - first) / DAY_MS;
    revenue += customer.revenue;
    returningRevenue += customer.revenue - customer.firstRevenue;
    if (customer.purchases >= 2) {
      repeaters++;
      gapSum += (Date.parse(customer.last) - first) / DAY_MS / (customer.purchases - 1);
    }
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    customers: customers.length,
    purchases,
    repeatPurchaseRate: round((100 * repeaters) / customers.length),
    purchaseFrequency: round(purchases / customers.length),
    meanInterPurchaseDays: repeaters ? round(gapSum / repeaters) : null,
    meanTenureDays: round(tenureSum / customers.length),
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
