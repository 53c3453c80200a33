// Per-customer metrics (SPEC §7) from one customer's evidence, the workspace's fitted models and
// "now": satisfaction, RFM, lifetime value, churn prediction, relationship strength and customer
// type, each with the detail that explains it. Pure: the same evidence, models and instant
// always give the same metrics, which is what lets incremental updates equal a full recompute.
import {
  companyStrength, costToServe, csat, customerType, npsCategory, relationshipStrength, rfmScore,
  type RelationshipStrength, type RfmBreakpoints,
} from '@rapport/core';
import { predictPurchases, type ChurnModels, type Prediction, type PredictionMemo } from './prediction.js';
import type { Evidence } from './evidence.js';

export interface Models {
  rfm: RfmBreakpoints | null;
  churn: ChurnModels | null;
  /** Live members per campaign at the last refit: each member bears an equal share of its cost. */
  campaignSizes: Map<string, number> | null;
  /** Cost of an hour of support, minor units. */
  supportHourlyCost: number;
}

/** The stored columns (API names) and the detail behind them. */
export interface Metrics {
  relationshipStrength: number | null;
  csat: number | null;
  npsCategory: 'promoter' | 'passive' | 'detractor' | null;
  rfmScore: string | null;
  rfmSegment: string | null;
  clv: number | null;
  predictedPurchases: number | null;
  predictedClv: number | null;
  pAlive: number | null;
  churnRisk: number | null;
  customerType: string;
  detail: MetricsDetail;
}

/** The stored metric columns, by API name, in the order they are written. */
export const METRIC_COLUMNS = {
  relationshipStrength: 'relationship_strength', csat: 'csat', npsCategory: 'nps_category', rfmScore: 'rfm_score',
  rfmSegment: 'rfm_segment', clv: 'clv', predictedPurchases: 'predicted_purchases', predictedClv: 'predicted_clv',
  pAlive: 'p_alive', churnRisk: 'churn_risk', customerType: 'customer_type',
} as const satisfies Record<Exclude<keyof Metrics, 'detail'>, string>;

/** The metrics' values in the order of METRIC_COLUMNS. */
export function metricValues(metrics: Metrics): unknown[] {
  return Object.keys(METRIC_COLUMNS).map((field) => metrics[field as keyof typeof METRIC_COLUMNS]);
}

export interface MetricsDetail {
  strength: Pick<RelationshipStrength, 'components' | 'reasons'>;
  satisfaction: { csatAnswers: number; csatInterval: { low: number; high: number } | null; latestNps: number | null };
  profit: { orders: number; revenue: number; costOfGoods: number; costToServe: number; supportMinutes: number; campaignCost: number } | null;
  rfm: { r: number; f: number; m: number } | null;
  churn: { reasons: string[] } & Partial<Prediction>;
  customerType: { evidence: string[] };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const DAY = 86_400_000;

function satisfaction(answers: Evidence['answers']) {
  const csatScores = answers.filter((a) => a.kind === 'csat').map((a) => a.score);
  const npsAnswers = answers.filter((a) => a.kind === 'nps').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = npsAnswers.at(-1)?.score ?? null;
  const summary = csat(csatScores);
  return { csat: summary.csat, npsCategory: latest === null ? null : npsCategory(latest), detail: { csatAnswers: summary.answers, csatInterval: summary.interval, latestNps: latest } };
}

function ledger(evidences: readonly Evidence[], hourlyCost: number) {
  const orders = evidences.flatMap((e) => e.orders);
  const revenue = orders.reduce((sum, o) => sum + o.total, 0);
  const costOfGoods = orders.reduce((sum, o) => sum + o.cost, 0);
  const supportMinutes = evidences.reduce((sum, e) => sum + e.supportMinutes, 0);
  const campaignCost = evidences.reduce((sum, e) => sum + e.campaignCost, 0);
  return { orders: orders.length, revenue, costOfGoods, costToServe: costToServe(supportMinutes, hourlyCost, campaignCost), supportMinutes, campaignCost: Math.round(campaignCost) };
}

function rfmOf(orders: Evidence['orders'], revenue: number, cuts: RfmBreakpoints | null, asOf: number) {
  if (!cuts || orders.length === 0) return null;
  const last = orders.reduce((max, o) => Math.max(max, Date.parse(o.at)), -Infinity);
  return rfmScore({ customerId: '', recencyDays: (asOf - last) / DAY, frequency: orders.length, monetary: revenue }, cuts);
}

function typeOf(evidences: readonly Evidence[], strength: number | null) {
  const orders = evidences.flatMap((e) => e.orders);
  const deals = evidences.flatMap((e) => e.deals);
  return customerType({
    orders: orders.length,
    discountedOrders: orders.filter((o) => o.discount > 0).length,
    discountTotal: orders.reduce((sum, o) => sum + o.discount, 0),
    listTotal: orders.reduce((sum, o) => sum + o.list, 0),
    campaignOrders: orders.filter((o) => o.viaCampaign).length,
    deals: deals.length,
    negotiatedDeals: deals.filter((d) => d.negotiated).length,
    relationshipStrength: strength,
  });
}

/** One person's metrics; `memo` shares model outputs between people scored with the same models at the same instant. */
export function personMetrics(evidence: Evidence, models: Models, asOf: number, memo?: PredictionMemo): Metrics {
  const strength = relationshipStrength({ asOf, touches: evidence.touches, campaigns: evidence.campaigns, sentiments: evidence.sentiments });
  const sat = satisfaction(evidence.answers);
  const profit = ledger([evidence], models.supportHourlyCost);
  const rfm = rfmOf(evidence.orders, profit.revenue, models.rfm, asOf);
  const prediction = predictPurchases(models.churn, evidence.orders.map((o) => ({ at: o.at, value: o.total })), asOf, memo);
  const type = typeOf([evidence], strength.score);
  const hasBusiness = profit.orders > 0 || profit.costToServe > 0;
  return {
    relationshipStrength: strength.score,
    csat: sat.csat,
    npsCategory: sat.npsCategory,
    rfmScore: rfm ? `${rfm.r}${rfm.f}${rfm.m}` : null,
    rfmSegment: rfm?.segment ?? null,
    clv: hasBusiness ? profit.revenue - profit.costOfGoods - profit.costToServe : null,
    predictedPurchases: prediction.expectedPurchases === undefined ? null : round(prediction.expectedPurchases, 3),
    predictedClv: prediction.expectedValue === undefined ? null : Math.round(prediction.expectedValue),
    pAlive: prediction.pAlive === undefined ? null : round(prediction.pAlive, 4),
    churnRisk: prediction.pAlive === undefined ? null : round(1 - prediction.pAlive, 4),
    customerType: type.type,
    detail: {
      strength: { components: strength.components, reasons: strength.reasons },
      satisfaction: sat.detail,
      profit: hasBusiness ? profit : null,
      rfm: rfm && { r: rfm.r, f: rfm.f, m: rfm.m },
      churn: prediction,
      customerType: { evidence: type.evidence },
    },
  };
}

/**
 * A company's metrics from its people: their answers, orders, costs and deals pooled; strength
 * from the strongest ties; alive if any buyer is (1 − Π(1 − P(alive)), people taken as
 * independent); predictions summed.
 */
export function companyMetrics(people: readonly { evidence: Evidence; metrics: Metrics }[], models: Models & { companyRfm: RfmBreakpoints | null }, asOf: number): Metrics {
  const evidences = people.map((p) => p.evidence);
  const sat = satisfaction(evidences.flatMap((e) => e.answers));
  const profit = ledger(evidences, models.supportHourlyCost);
  const orders = evidences.flatMap((e) => e.orders);
  const rfm = rfmOf(orders, profit.revenue, models.companyRfm, asOf);
  const strength = companyStrength(people.map((p) => p.metrics.relationshipStrength));
  const type = typeOf(evidences, strength);
  const predicted = people.filter((p) => p.metrics.pAlive !== null);
  const pAlive = predicted.length ? 1 - predicted.reduce((product, p) => product * (1 - p.metrics.pAlive!), 1) : null;
  const sum = (pick: (m: Metrics) => number | null) => (predicted.length ? predicted.reduce((total, p) => total + (pick(p.metrics) ?? 0), 0) : null);
  const hasBusiness = profit.orders > 0 || profit.costToServe > 0;
  const strongest = [...people].filter((p) => p.metrics.relationshipStrength !== null)
    .sort((a, b) => b.metrics.relationshipStrength! - a.metrics.relationshipStrength!).slice(0, 3);
  const predictedPurchases = sum((m) => m.predictedPurchases);
  const predictedClv = sum((m) => m.predictedClv);
  return {
    relationshipStrength: strength,
    csat: sat.csat,
    npsCategory: sat.npsCategory,
    rfmScore: rfm ? `${rfm.r}${rfm.f}${rfm.m}` : null,
    rfmSegment: rfm?.segment ?? null,
    clv: hasBusiness ? profit.revenue - profit.costOfGoods - profit.costToServe : null,
    predictedPurchases: predictedPurchases === null ? null : round(predictedPurchases, 3),
    predictedClv: predictedClv === null ? null : Math.round(predictedClv),
    pAlive: pAlive === null ? null : round(pAlive, 4),
    churnRisk: pAlive === null ? null : round(1 - pAlive, 4),
    customerType: type.type,
    detail: {
      strength: {
        components: [],
        reasons: strongest.length
          ? [`from ${people.length} people; strongest ties: ${strongest.map((p) => p.metrics.relationshipStrength).join(', ')}`]
          : ['no interaction with anyone at this company yet'],
      },
      satisfaction: sat.detail,
      profit: hasBusiness ? profit : null,
      rfm: rfm && { r: rfm.r, f: rfm.f, m: rfm.m },
      churn: {
        reasons: predicted.length
          ? [`${predicted.filter((p) => (p.metrics.pAlive ?? 0) >= 0.5).length} of ${predicted.length} buying contacts likely still active`]
          : ['no purchase history to predict from'],
      },
      customerType: { evidence: type.evidence },
    },
  };
}
