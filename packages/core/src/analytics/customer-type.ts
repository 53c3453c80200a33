// Customer type (SPEC §7.8, seed 001): price, relationship, value and "poker player" buyers, as
// an explained classification from how a customer buys and negotiates, or "unknown" where the
// data is too thin to say. Rules, in order (the first that holds wins):
//   unknown       — fewer than 2 orders and fewer than 2 deals
//   pokerPlayer   — negotiates on at least half of their deals AND relationship strength ≥ 50:
//                   a close tie used as leverage for concessions
//   price         — at least half of the orders discounted, or discounts ≥ 10 % of list value, or
//                   at least half bought through a campaign; and strength < 60
//   relationship  — strength ≥ 60, under a quarter of orders discounted, negotiates on under a third of deals
//   value         — otherwise: pays mostly list price without a particularly close tie, i.e. weighs
//                   what they get against what they pay

export type CustomerType = 'price' | 'relationship' | 'value' | 'pokerPlayer' | 'unknown';
export const CUSTOMER_TYPES: readonly CustomerType[] = ['price', 'relationship', 'value', 'pokerPlayer', 'unknown'];

export interface BuyingEvidence {
  orders: number;
  /** Orders with any discount. */
  discountedOrders: number;
  /** Σ discounts and Σ list value (quantity × unit price) of the orders, minor units. */
  discountTotal: number;
  listTotal: number;
  /** Orders attributed to a campaign (bought on a promotion). */
  campaignOrders: number;
  deals: number;
  /** Deals whose amount was lowered while open, or lost over price. */
  negotiatedDeals: number;
  /** 0–100, or null when unknown. */
  relationshipStrength: number | null;
}

export interface CustomerTypeResult {
  type: CustomerType;
  evidence: string[];
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Classifies a customer from their buying evidence, saying why. */
export function customerType(e: BuyingEvidence): CustomerTypeResult {
  const strength = e.relationshipStrength ?? 0;
  const discounted = e.orders > 0 ? e.discountedOrders / e.orders : 0;
  const depth = e.listTotal > 0 ? e.discountTotal / e.listTotal : 0;
  const promoted = e.orders > 0 ? e.campaignOrders / e.orders : 0;
  const negotiated = e.deals > 0 ? e.negotiatedDeals / e.deals : 0;
  const evidence = [
    `${e.orders} orders, ${percent(discounted)} discounted, discounts ${percent(depth)} of list value, ${percent(promoted)} through campaigns`,
    `negotiated on ${e.negotiatedDeals} of ${e.deals} deals`,
    `relationship strength ${e.relationshipStrength ?? 'unknown'}`,
  ];
  if (e.orders < 2 && e.deals < 2) return { type: 'unknown', evidence: [`too little to go on: ${e.orders} orders and ${e.deals} deals`] };
  if (e.deals >= 2 && negotiated >= 0.5 && strength >= 50) return { type: 'pokerPlayer', evidence };
  if ((discounted >= 0.5 || depth >= 0.1 || promoted >= 0.5) && strength < 60) return { type: 'price', evidence };
  if (strength >= 60 && discounted < 0.25 && negotiated < 1 / 3) return { type: 'relationship', evidence };
  return { type: 'value', evidence };
}
