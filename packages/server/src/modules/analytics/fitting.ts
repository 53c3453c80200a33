// Fits a workspace's churn models: BG/NBD on every buyer's repeat-purchase summary (x, t_x, T in
// weeks) and Gamma-Gamma on repeat buyers' mean spend, by maximum likelihood (@rapport/core).
//
// Buyers' orders are read in pages of ids, so a million of them never sit in memory as orders. Above
// SAMPLE_LIMIT buyers the fit uses a systematic sample (every k-th buyer by id): the estimates of
// four parameters from 100,000 customers are as good as from all of them, and a refit stays in
// seconds. The fitted parameters, their log-likelihood and how many customers informed them are
// stored, and readable through GET /api/v1/analytics/models.
import { fitBgNbd, fitGammaGamma, type RepeatSummary, type SpendSummary } from '@rapport/core';
import type { RequestContext } from '../../engine/context.js';
import { weeklySummary, type ChurnModels, type Purchase } from './prediction.js';

/** Predictions look a year ahead. */
export const HORIZON_WEEKS = 52;
/** Fewer buyers than this, or fewer repeat buyers, say too little about a population to fit it. */
export const MIN_BUYERS = 20;
export const MIN_REPEAT_BUYERS = 10;
const SAMPLE_LIMIT = 100_000;
const PAGE = 2_000;

export interface ChurnFit {
  models: ChurnModels;
  logLikelihood: number;
  customers: number;
  details: {
    repeatBuyers: number;
    buyers: number;
    sampled: boolean;
    bgNbd: { evaluations: number; converged: boolean };
    gammaGamma: { logLikelihood: number; customers: number; evaluations: number; converged: boolean } | { skipped: string };
  };
}

export type ChurnFitOutcome = { fit: ChurnFit } | { skipped: string };

const UNPAID_STATUSES = ['cancelled', 'refunded'];

/** The paid purchases of each of these buyers (a page of at most PAGE ids), by buyer id. */
export type PurchasesOf = (buyerIds: readonly string[]) => Promise<Map<string, Purchase[]>>;

/** Purchases read from the orders table through its person index. */
export function purchasesFromOrders(ctx: RequestContext): PurchasesOf {
  return async (buyerIds) => {
    const orders = await ctx.db.selectFrom('orders').select(['person_id', 'ordered_at', 'total'])
      .where('person_id', 'in', [...buyerIds]).where('deleted_at', 'is', null).where('status', 'not in', UNPAID_STATUSES)
      .orderBy('person_id').orderBy('ordered_at').execute();
    const byPerson = new Map<string, Purchase[]>();
    for (const row of orders) {
      const list = byPerson.get(row.person_id as string) ?? [];
      list.push({ at: row.ordered_at as string, value: Number(row.total ?? 0) });
      byPerson.set(row.person_id as string, list);
    }
    return byPerson;
  };
}

/** What the churn models are fitted to: the buyers' weekly summaries (plain data, so a worker thread can fit it). */
export interface ChurnSample {
  buyers: number;
  sampled: boolean;
  repeat: RepeatSummary[];
  spend: SpendSummary[];
}

/** Every buyer's weekly summary (or every k-th buyer's, above the sample limit) as of `asOf`; `buyerIds` in id order. */
export async function churnSample(asOf: Date, buyerIds: readonly string[], purchasesOf: PurchasesOf): Promise<ChurnSample> {
  const buyers = buyerIds.length;
  const step = Math.max(1, Math.ceil(buyers / SAMPLE_LIMIT));
  const chosenIds = buyerIds.filter((_, index) => index % step === 0);
  const repeat: RepeatSummary[] = [];
  const spend: SpendSummary[] = [];
  for (let start = 0; start < chosenIds.length; start += PAGE) {
    const purchases = await purchasesOf(chosenIds.slice(start, start + PAGE));
    for (const id of chosenIds.slice(start, start + PAGE)) {
      const summary = weeklySummary(purchases.get(id) ?? [], asOf.getTime());
      if (!summary) continue;
      repeat.push({ x: summary.x, tx: summary.tx, T: summary.T });
      if (summary.x > 0 && summary.meanValue > 0) spend.push({ x: summary.x, mean: summary.meanValue });
    }
  }
  return { buyers, sampled: step > 1, repeat, spend };
}

/**
 * Fits BG/NBD and Gamma-Gamma to a sample (`churnSample`) by maximum likelihood. Pure: a full
 * recompute runs it in a worker thread while it reads the rest of the evidence.
 */
export async function fitChurnSample({ buyers, sampled, repeat, spend }: ChurnSample): Promise<ChurnFitOutcome> {
  const repeatBuyers = repeat.filter((c) => c.x > 0).length;
  if (repeat.length < MIN_BUYERS || repeatBuyers < MIN_REPEAT_BUYERS) {
    return { skipped: `${repeat.length} buyers, ${repeatBuyers} of them repeat buyers: at least ${MIN_BUYERS} and ${MIN_REPEAT_BUYERS} are needed to fit the churn model` };
  }
  const bgNbd = await fitBgNbd(repeat);
  if (!bgNbd || !Object.values(bgNbd.params).every(Number.isFinite)) return { skipped: 'the BG/NBD likelihood has no finite maximum for these purchase histories' };
  const gammaGamma = await fitGammaGamma(spend);
  // A Gamma-Gamma fit with q ≤ 1 has an infinite population mean spend: no value prediction from it.
  const usableSpend = gammaGamma && gammaGamma.params.q > 1 ? gammaGamma : null;
  return {
    fit: {
      models: { bgNbd: bgNbd.params, gammaGamma: usableSpend?.params ?? null, horizonWeeks: HORIZON_WEEKS },
      logLikelihood: bgNbd.logLikelihood,
      customers: repeat.length,
      details: {
        buyers, repeatBuyers, sampled,
        bgNbd: { evaluations: bgNbd.evaluations, converged: bgNbd.converged },
        gammaGamma: usableSpend
          ? { logLikelihood: usableSpend.logLikelihood, customers: spend.length, evaluations: usableSpend.evaluations, converged: usableSpend.converged }
          : { skipped: gammaGamma ? `fitted q = ${gammaGamma.params.q.toFixed(3)} ≤ 1 gives no finite mean spend` : 'no repeat purchase with a value' },
      },
    },
  };
}
