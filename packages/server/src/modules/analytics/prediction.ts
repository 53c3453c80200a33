// Churn and future value per customer: P(alive) and expected purchases over the next 52 weeks
// from the workspace's fitted BG/NBD model, the expected value of those purchases from the
// Gamma-Gamma spend model, and plain-language reasons from the purchase history.
import { conditionalExpectedPurchases, expectedAverageValue, pAlive } from '@rapport/core';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The fitted models a workspace predicts with; times in weeks. */
export interface ChurnModels {
  bgNbd: { r: number; alpha: number; a: number; b: number };
  gammaGamma: { p: number; q: number; v: number } | null;
  /** Weeks ahead the predictions look. */
  horizonWeeks: number;
}

export interface Purchase {
  at: string;
  /** Revenue, minor units. */
  value: number;
}

export interface Prediction {
  pAlive?: number;
  expectedPurchases?: number;
  expectedValue?: number;
  daysSinceLast?: number;
  /** Mean days between purchases, for repeat buyers. */
  usualGapDays?: number;
  reasons: string[];
}

/** What the purchase history says, before any model: recency and the usual gap. */
export function purchaseFacts(purchases: readonly Purchase[], asOf: number): Pick<Prediction, 'daysSinceLast' | 'usualGapDays' | 'reasons'> {
  if (purchases.length === 0) return { reasons: ['no purchase yet'] };
  const days = [...new Set(purchases.map((p) => Math.floor(Date.parse(p.at) / DAY)))].sort((a, b) => a - b);
  const daysSinceLast = Math.max(0, Math.floor((asOf - Date.parse(purchases.reduce((last, p) => (p.at > last ? p.at : last), purchases[0].at))) / DAY));
  if (days.length === 1) return { daysSinceLast, reasons: [`one purchase, ${daysSinceLast} days ago`] };
  const usualGapDays = Math.round((days[days.length - 1] - days[0]) / (days.length - 1));
  const overdue = daysSinceLast > 2 * usualGapDays;
  return {
    daysSinceLast, usualGapDays,
    reasons: [`${overdue ? 'no purchase for' : 'last purchase'} ${daysSinceLast} days${overdue ? '' : ' ago'}; usually every ${usualGapDays}`],
  };
}

/** Recency in weeks as BG/NBD wants it: repeat purchases x, time of the last t_x and age T, from the first purchase. */
export function weeklySummary(purchases: readonly Purchase[], asOf: number): { x: number; tx: number; T: number; meanValue: number } | null {
  if (purchases.length === 0) return null;
  // Purchases on one day are one transaction (their values summed), as in the models' usual practice.
  const byDay = new Map<number, number>();
  for (const p of purchases) {
    const day = Math.floor(Date.parse(p.at) / DAY);
    byDay.set(day, (byDay.get(day) ?? 0) + p.value);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const first = days[0] * DAY;
  const repeats = days.slice(1).map((d) => byDay.get(d)!);
  return {
    x: repeats.length,
    tx: ((days[days.length - 1] * DAY) - first) / WEEK,
    T: Math.max(0, (asOf - first) / WEEK),
    meanValue: repeats.length ? repeats.reduce((s, v) => s + v, 0) / repeats.length : 0,
  };
}

/**
 * P(alive) and expected purchases by purchase summary, for one set of models and one instant:
 * customers who first bought on the same day with the same repeat pattern share a summary, and
 * the ₂F₁ of the expectation is the costly part of a prediction.
 */
export type PredictionMemo = Map<string, { alive: number; expectedPurchases: number }>;

/**
 * A customer's prediction; only the facts when the workspace has no fitted model yet. The
 * expected value is revenue (minor units): expected purchases × the Gamma-Gamma expected spend
 * per purchase, which for a customer without repeat purchases is the population's mean. `memo`
 * must only be shared by predictions from the same models at the same `asOf`.
 */
export function predictPurchases(models: ChurnModels | null, purchases: readonly Purchase[], asOf: number, memo?: PredictionMemo): Prediction {
  const facts = purchaseFacts(purchases, asOf);
  const summary = weeklySummary(purchases, asOf);
  if (!models || !summary) return facts;
  const key = `${summary.x}|${summary.tx}|${summary.T}`;
  let model = memo?.get(key);
  if (!model) {
    model = { alive: pAlive(models.bgNbd, summary), expectedPurchases: conditionalExpectedPurchases(models.bgNbd, summary, models.horizonWeeks) };
    memo?.set(key, model);
  }
  const { alive, expectedPurchases } = model;
  const perPurchase = models.gammaGamma ? expectedAverageValue(models.gammaGamma, { x: summary.x, mean: summary.meanValue }) : Number.NaN;
  const expectedValue = expectedPurchases * perPurchase;
  const percent = Math.round(alive * 100);
  const reasons = [...facts.reasons];
  if (summary.x === 0) {
    reasons.push('a single purchase day: the BG/NBD model lets customers drop out only after a repeat purchase, so P(alive) is 100 % and the expected purchases carry the doubt');
  } else {
    const weeksSilent = Math.round(summary.T - summary.tx);
    reasons.push(`${percent} % likely still buying: ${summary.x + 1} purchase days in ${Math.round(summary.tx)} weeks, then ${weeksSilent} weeks without one`);
  }
  reasons.push(`${expectedPurchases.toFixed(1)} purchases expected in the next ${models.horizonWeeks} weeks`);
  return {
    ...facts,
    reasons,
    pAlive: alive,
    expectedPurchases: Number.isFinite(expectedPurchases) ? expectedPurchases : undefined,
    expectedValue: Number.isFinite(expectedValue) ? expectedValue : undefined,
  };
}
