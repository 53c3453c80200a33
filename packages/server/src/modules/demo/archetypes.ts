// Customer archetypes: the one table that drives every record a demo customer gets. Each row
// encodes a pattern the relationship analytics must find (seeds 000–004: satisfaction,
// loyalty, profitability and retention; strong vs weak ties).

export type Archetype = 'advocate' | 'regular' | 'oneOff' | 'churned' | 'unhappy' | 'priceBuyer' | 'lead';

export interface ArchetypeProfile {
  share: number;
  /** When the person became known, as fractions of the three-year window. */
  acquired: readonly [from: number, to: number];
  /**
   * Repeat purchases per year while active: a per-customer rate drawn from a gamma with this
   * mean and shape, purchases then arrive as a Poisson process and the customer drops out after
   * each purchase with `dropout` — the generative story of the BG/NBD model (Fader, Hardie & Lee,
   * "Counting Your Customers the Easy Way", Marketing Science 24(2), 2005, §2).
   */
  purchasesPerYear: number;
  rateShape: number;
  dropout: number;
  /** Share of order lines with a discount, and the discount as a share of the line. */
  discountChance: number;
  discount: readonly [number, number];
  /** Conversations per year, the chance a message is answered, and the share the customer starts. */
  threadsPerYear: number;
  replyChance: number;
  inboundShare: number;
  /** Strong ties meet and talk at length; weak ties are brief and rare (Granovetter's tie strength). */
  tie: 'strong' | 'medium' | 'weak';
  casesPerYear: number;
  supportMinutesMedian: number;
  npsResponse: number;
  csatResponse: number;
  campaignOpen: number;
  campaignClick: number;
  /** Chance that a click on a discount campaign ends in an order. */
  campaignBuy: number;
}

export const ARCHETYPES: Readonly<Record<Archetype, ArchetypeProfile>> = {
  advocate: {
    share: 0.1, acquired: [0, 0.45], purchasesPerYear: 2.8, rateShape: 4, dropout: 0.004,
    discountChance: 0.12, discount: [0.03, 0.08], threadsPerYear: 3.5, replyChance: 0.8, inboundShare: 0.45, tie: 'strong',
    casesPerYear: 0.2, supportMinutesMedian: 12, npsResponse: 0.75, csatResponse: 0.6, campaignOpen: 0.65, campaignClick: 0.4, campaignBuy: 0.3,
  },
  regular: {
    share: 0.2, acquired: [0, 0.8], purchasesPerYear: 1.5, rateShape: 3, dropout: 0.02,
    discountChance: 0.2, discount: [0.05, 0.1], threadsPerYear: 1.9, replyChance: 0.55, inboundShare: 0.35, tie: 'medium',
    casesPerYear: 0.2, supportMinutesMedian: 15, npsResponse: 0.45, csatResponse: 0.5, campaignOpen: 0.45, campaignClick: 0.25, campaignBuy: 0.2,
  },
  oneOff: {
    share: 0.2, acquired: [0, 0.95], purchasesPerYear: 0, rateShape: 1, dropout: 1,
    discountChance: 0.2, discount: [0.05, 0.15], threadsPerYear: 0.5, replyChance: 0.15, inboundShare: 0.25, tie: 'weak',
    casesPerYear: 0.08, supportMinutesMedian: 15, npsResponse: 0.12, csatResponse: 0.4, campaignOpen: 0.18, campaignClick: 0.08, campaignBuy: 0,
  },
  churned: {
    share: 0.15, acquired: [0, 0.55], purchasesPerYear: 2.6, rateShape: 3, dropout: 0,
    discountChance: 0.15, discount: [0.05, 0.1], threadsPerYear: 2.6, replyChance: 0.5, inboundShare: 0.35, tie: 'medium',
    casesPerYear: 0.6, supportMinutesMedian: 35, npsResponse: 0.45, csatResponse: 0.55, campaignOpen: 0.3, campaignClick: 0.15, campaignBuy: 0.1,
  },
  unhappy: {
    share: 0.08, acquired: [0, 0.8], purchasesPerYear: 1.5, rateShape: 2, dropout: 0.03,
    discountChance: 0.9, discount: [0.38, 0.5], threadsPerYear: 1.5, replyChance: 0.5, inboundShare: 0.75, tie: 'medium',
    casesPerYear: 1.5, supportMinutesMedian: 75, npsResponse: 0.55, csatResponse: 0.65, campaignOpen: 0.3, campaignClick: 0.15, campaignBuy: 0.1,
  },
  priceBuyer: {
    share: 0.07, acquired: [0, 0.85], purchasesPerYear: 0.6, rateShape: 2, dropout: 0.05,
    discountChance: 0.75, discount: [0.12, 0.3], threadsPerYear: 1, replyChance: 0.15, inboundShare: 0.15, tie: 'weak',
    casesPerYear: 0.25, supportMinutesMedian: 15, npsResponse: 0.25, csatResponse: 0.4, campaignOpen: 0.6, campaignClick: 0.55, campaignBuy: 0.7,
  },
  lead: {
    share: 0.2, acquired: [0, 1], purchasesPerYear: 0, rateShape: 1, dropout: 1,
    discountChance: 0, discount: [0, 0], threadsPerYear: 0, replyChance: 0.35, inboundShare: 0.6, tie: 'weak',
    casesPerYear: 0, supportMinutesMedian: 10, npsResponse: 0, csatResponse: 0, campaignOpen: 0.35, campaignClick: 0.2, campaignBuy: 0,
  },
};

export const ARCHETYPE_NAMES = Object.keys(ARCHETYPES) as Archetype[];

/** Buying customers, as opposed to leads. */
export function isCustomer(archetype: Archetype): boolean {
  return archetype !== 'lead';
}
