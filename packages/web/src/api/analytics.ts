// The relationship analytics the web app reads (GET /api/v1/analytics/…): satisfaction,
// loyalty, retention and profitability over a period and a segment, and a customer's stored
// metrics with the components and reasons behind them.
import { request } from './http';

/** A period (ISO instants, `to` exclusive) and a segment of people in the filter language. */
export interface AnalyticsScope {
  from?: string;
  to?: string;
  filter?: string;
}

/**
 * When a report was computed. A whole-workspace report may be answered from its last
 * computation (`isSnapshot`), refreshed in the background; ask with `fresh` to compute it now.
 */
export interface Computed {
  computedAt: string;
  isSnapshot: boolean;
}

export type ReportName = 'satisfaction' | 'loyalty' | 'retention' | 'profitability';

export interface Interval {
  low: number;
  high: number;
}

export interface Satisfaction extends Computed {
  csat: { csat: number | null; answers: number; satisfied: number; interval: Interval | null };
  nps: { nps: number | null; answers: number; promoters: number; passives: number; detractors: number; interval: Interval | null };
  monthly: { month: string; csat: number | null; nps: number | null; answers: number }[];
  byAgent: { agentId: string; csat: number | null; nps: number | null; answers: number }[];
}

export interface Loyalty extends Computed {
  customers: number;
  purchases: number;
  repeatPurchaseRate: number | null;
  purchaseFrequency: number | null;
  meanInterPurchaseDays: number | null;
  meanTenureDays: number | null;
  returningRevenueShare: number | null;
}

export interface Retention extends Computed {
  /** Cohorts by first-purchase month; `retention[k]`: % of the cohort buying k months later. */
  cohorts: { cohort: string; size: number; retention: number[] }[];
  monthly: { month: string; base: number; retained: number; retention: number | null; churn: number | null }[];
}

export interface CustomerProfit {
  customerId: string;
  revenue: number;
  costOfGoods: number;
  costToServe: number;
  profit: number;
}

export interface Profitability extends Computed {
  totals: { customers: number; revenue: number; costOfGoods: number; costToServe: number; profit: number };
  unprofitableCustomers: number;
  whaleCurve: { totalProfit: number; peakProfit: number; points: { customerShare: number; cumulativeProfit: number; percentOfTotal: number }[] };
  rfmSegments: Record<string, number>;
  mostProfitable: CustomerProfit[];
  leastProfitable: CustomerProfit[];
  supportHourlyCost: number;
}

export interface StrengthComponent {
  name: string;
  /** 0–100 on its own. */
  value: number;
  weight: number;
  /** Points of the total: value × weight / 100. */
  contribution: number;
  facts: { label: string; value: number | string }[];
  reason: string;
}

/** A person's or company's stored metrics; a field the role may not see is absent. */
export interface CustomerMetrics {
  relationshipStrength: number | null;
  csat: number | null;
  npsCategory: string | null;
  rfmScore: string | null;
  rfmSegment: string | null;
  clv?: number | null;
  predictedPurchases: number | null;
  predictedClv: number | null;
  pAlive: number | null;
  churnRisk: number | null;
  customerType: string | null;
  metricsAt: string | null;
  detail: {
    strength: { components: StrengthComponent[]; reasons: string[] };
    satisfaction: { csatAnswers: number; csatInterval: Interval | null; latestNps: number | null };
    profit: { orders: number; revenue: number; costOfGoods: number; costToServe: number; supportMinutes: number; campaignCost: number } | null;
    rfm: { r: number; f: number; m: number } | null;
    churn: { reasons: string[]; daysSinceLast?: number; usualGapDays?: number; pAlive?: number; expectedPurchases?: number; expectedValue?: number };
    customerType: { evidence: string[] };
  } | null;
}

const query = (scope: AnalyticsScope, fresh?: boolean) => ({ from: scope.from, to: scope.to, filter: scope.filter?.trim() || undefined, fresh: fresh || undefined });

/** `fresh`: compute now rather than answer the stored snapshot. */
export const fetchSatisfaction = (scope: AnalyticsScope, signal?: AbortSignal, fresh?: boolean) => request<Satisfaction>('/analytics/satisfaction', { query: query(scope, fresh), signal });
export const fetchLoyalty = (scope: AnalyticsScope, signal?: AbortSignal, fresh?: boolean) => request<Loyalty>('/analytics/loyalty', { query: query(scope, fresh), signal });
export const fetchRetention = (scope: AnalyticsScope, signal?: AbortSignal, fresh?: boolean) => request<Retention>('/analytics/retention', { query: query(scope, fresh), signal });
export const fetchProfitability = (scope: AnalyticsScope, signal?: AbortSignal, fresh?: boolean) => request<Profitability>('/analytics/profitability', { query: query(scope, fresh), signal });

export const FETCH_REPORT: Record<ReportName, (scope: AnalyticsScope, signal?: AbortSignal, fresh?: boolean) => Promise<Computed>> = {
  satisfaction: fetchSatisfaction, loyalty: fetchLoyalty, retention: fetchRetention, profitability: fetchProfitability,
};

export const fetchCustomerMetrics = (object: 'people' | 'companies', id: string, signal?: AbortSignal) =>
  request<CustomerMetrics>(`/analytics/${object}/${id}/metrics`, { signal });
