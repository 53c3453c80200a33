// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
// Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284), and the
// Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
// Monetary Value"; Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4)).
//
// A customer's history is summarised as x (repeat purchases after the first), t_x (time of the
// last purchase, from the first) and T (time from the first purchase to the end of
// observation), all in one unit (Rapport uses weeks). Special functions come from stdlib and
// the optimiser from NLopt (Nelder–Mead, through nlopt-js): the models' own formulas below
// follow the papers term by term.
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import sumSeries from '@stdlib/math-base-tools-sum-series';

export interface RepeatSummary {
  /** Repeat purchases (after the first). */
  x: number;
  /** Time of the last purchase, from the first (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the end of observation. */
  T: number;
}

export interface SpendSummary {
  /** Repeat purchases (> 0). */
  x: number;
  /** Mean value of those repeat purchases (> 0). */
  mean: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface Fit<P> {
  params: P;
  logLikelihood: number;
  evaluations: number;
  converged: boolean;
}

const logSumExp = (u: number, w: number) => {
  const top = Math.max(u, w);
  return top + Math.log(Math.exp(u - top) + Math.exp(w - top));
};

/**
 * One customer's BG/NBD log-likelihood, eq. (6) of the paper in logs:
 * L = A1·A2·(A3 + δ(x>0)·A4) with A1 = Γ(r+x)α^r / Γ(r), A2 = Γ(a+b)Γ(b+x) / (Γ(b)Γ(a+b+x)),
 * A3 = (α+T)^−(r+x), A4 = (a / (b+x−1))·(α+t_x)^−(r+x).
 */
export function bgNbdCustomerLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatSummary): number {
  const lnA1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const lnA2 = betaln(a, b + x) - betaln(a, b);
  const lnA3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return lnA1 + lnA2 + lnA3;
  const lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return lnA1 + lnA2 + logSumExp(lnA3, lnA4);
}

/**
 * Customers grouped by summary, with the distinct values of T and t_x each customer group points
 * to. Histories summarised by day repeat — every one-time buyer of one day has x = 0, t_x = 0 and
 * the same T — and a fit evaluates the likelihood hundreds of times, so each distinct term is
 * computed once per evaluation: 79,207 buyers of the 100,000-person demo are 49,066 groups over
 * about a thousand distinct T and t_x.
 */
interface GroupedSummaries {
  x: number[];
  count: number[];
  /** Each group's index into `Ts` and into `txs`. */
  t: number[];
  tx: number[];
  Ts: number[];
  txs: number[];
}

function grouped(customers: readonly RepeatSummary[]): GroupedSummaries {
  const result: GroupedSummaries = { x: [], count: [], t: [], tx: [], Ts: [], txs: [] };
  const groups = new Map<string, number>();
  const [tIndex, txIndex] = [new Map<number, number>(), new Map<number, number>()];
  const indexOf = (index: Map<number, number>, values: number[], value: number) => {
    let i = index.get(value);
    if (i === undefined) {
      i = values.length;
      values.push(value);
      index.set(value, i);
    }
    return i;
  };
  for (const { x, tx, T } of customers) {
    const key = `${x}|${tx}|${T}`;
    const group = groups.get(key);
    if (group !== undefined) {
      result.count[group] += 1;
      continue;
    }
    groups.set(key, result.x.length);
    result.x.push(x);
    result.count.push(1);
    result.t.push(indexOf(tIndex, result.Ts, T));
    result.tx.push(indexOf(txIndex, result.txs, tx));
  }
  return result;
}

/**
 * Σ over grouped customers of eq. (6), each group's term times its count. The terms that depend
 * on x alone (A1, A2 and a / (b+x−1)) are computed once per distinct x, the logarithms of α+T and
 * α+t_x once per distinct value.
 */
function groupedLogLikelihood({ r, alpha, a, b }: BgNbdParams, groups: GroupedSummaries): number {
  const lnT = groups.Ts.map((T) => Math.log(alpha + T));
  const lnTx = groups.txs.map((tx) => Math.log(alpha + tx));
  const byX = new Map<number, { lnA1A2: number; lnRatio: number }>();
  const shared = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  let total = 0;
  for (let i = 0; i < groups.x.length; i++) {
    const x = groups.x[i];
    let terms = byX.get(x);
    if (!terms) {
      terms = { lnA1A2: gammaln(r + x) + betaln(a, b + x) + shared, lnRatio: x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0 };
      byX.set(x, terms);
    }
    const lnA3 = -(r + x) * lnT[groups.t[i]];
    total += groups.count[i] * (terms.lnA1A2 + (x === 0 ? lnA3 : logSumExp(lnA3, terms.lnRatio - (r + x) * lnTx[groups.tx[i]])));
  }
  return total;
}

/** The sample log-likelihood: Σ over customers of eq. (6). */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly RepeatSummary[]): number {
  return groupedLogLikelihood(params, grouped(customers));
}

/**
 * P(alive | x, t_x, T) (Fader, Hardie & Lee 2008 note "Computing P(alive) Using the BG/NBD
 * Model", eq. 2): 1 / (1 + δ(x>0)·(a / (b+x−1))·((α+T)/(α+t_x))^(r+x)). A customer who never
 * bought again cannot have dropped out under the model (drop-out follows a purchase): 1.
 */
export function pAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RepeatSummary): number {
  if (x === 0) return 1;
  const lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/**
 * (1−z)^s · ₂F₁(s, β; γ; z), the form of eqs. (7) and (10). Evaluated as written first; where
 * stdlib's ₂F₁ (Cephes) fails — frequent buyers make γ−s−β = a−1−r−x ≪ 0 and the series
 * overflows near z = 1 — through Euler's transformation ₂F₁(s, β; γ; z) = (1−z)^(γ−s−β)
 * ₂F₁(γ−s, γ−β; γ; z), whose upper parameters are small then (the transformed form is in turn
 * the unstable one when a is large, so neither serves alone). Both identities are exact.
 */
function powerTimesHyp2f1(s: number, beta: number, gamma: number, z: number): number {
  const direct = (1 - z) ** s * hyp2f1(s, beta, gamma, z);
  if (Number.isFinite(direct)) return direct;
  const [p, q] = [gamma - s, gamma - beta];
  let value = hyp2f1(p, q, gamma, z);
  // Cephes also gives up near z = 1 for γ beyond ~100 (over a hundred repeat purchases within
  // days). There γ − p − q = x + r − a + 1 > 0, so Gauss's series converges even at z = 1 and its
  // terms fall fast: sum it with stdlib's series evaluator.
  if (!Number.isFinite(value)) value = sumSeries(gaussSeries(p, q, gamma, z), { maxTerms: 100_000 });
  return (1 - z) ** (gamma - beta) * value;
}

/** The terms of Gauss's series, one per call: (p)ₖ(q)ₖ / ((γ)ₖ k!) · zᵏ. */
function gaussSeries(p: number, q: number, gamma: number, z: number): () => number {
  let term = 1;
  let k = 0;
  return () => {
    const current = term;
    term *= ((p + k) * (q + k) * z) / ((gamma + k) * (k + 1));
    k += 1;
    return current;
  };
}

/** a = 1 makes eqs. (7) and (10) 0/0 (their limit exists); a hair away from it they are exact to ~1e-9. */
const awayFromOne = (a: number) => (Math.abs(a - 1) < 1e-6 ? 1 + 1e-6 : a);

/** E[X(t)], purchases of a new customer in (0, t], eq. (7): (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. */
export function expectedPurchases({ r, alpha, a: rawA, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const a = awayFromOne(rawA);
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - powerTimesHyp2f1(r, b, a + b - 1, z));
}

/**
 * E[Y(t) | x, t_x, T], a customer's expected purchases in the next t, eq. (10):
 * [(a+b+x−1)/(a−1)]·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 * ÷ [1 + δ(x>0)·(a/(b+x−1))·((α+T)/(α+t_x))^(r+x)].
 */
export function conditionalExpectedPurchases(params: BgNbdParams, customer: RepeatSummary, t: number): number {
  const { r, alpha, b } = params;
  const a = awayFromOne(params.a);
  const { x, T } = customer;
  if (t <= 0) return 0;
  // (α+T)/(α+T+t) = 1 − z.
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - powerTimesHyp2f1(r + x, b + x, a + b + x - 1, z);
  // The denominator is 1 / P(alive).
  return head * body * pAlive(params, customer);
}

/**
 * One customer's Gamma-Gamma log-likelihood of their mean spend m over x transactions
 * (Fader & Hardie 2013, eq. 3): Γ(px+q) / (Γ(px)Γ(q)) · v^q · m^(px−1) · x^(px) / (v + m·x)^(px+q).
 */
export function gammaGammaCustomerLogLikelihood({ p, q, v }: GammaGammaParams, { x, mean }: SpendSummary): number {
  return gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * Math.log(v) + (p * x - 1) * Math.log(mean) + p * x * Math.log(x) - (p * x + q) * Math.log(v + mean * x);
}

/** Spend summaries with the logarithm of each mean, which does not depend on the parameters: computed once per fit. */
interface SpendColumns {
  x: number[];
  mean: number[];
  lnMean: number[];
}

const spendColumns = (customers: readonly SpendSummary[]): SpendColumns => ({
  x: customers.map((c) => c.x), mean: customers.map((c) => c.mean), lnMean: customers.map((c) => Math.log(c.mean)),
});

/** Σ over customers, with the Γ terms that depend on x alone computed once per distinct x. */
function spendLogLikelihood({ p, q, v }: GammaGammaParams, columns: SpendColumns): number {
  const byX = new Map<number, number>();
  const shared = q * Math.log(v) - gammaln(q);
  let total = 0;
  for (let i = 0; i < columns.x.length; i++) {
    const x = columns.x[i];
    let lnGammas = byX.get(x);
    if (lnGammas === undefined) {
      lnGammas = gammaln(p * x + q) - gammaln(p * x) + shared + p * x * Math.log(x);
      byX.set(x, lnGammas);
    }
    total += lnGammas + (p * x - 1) * columns.lnMean[i] - (p * x + q) * Math.log(v + columns.mean[i] * x);
  }
  return total;
}

/** The sample log-likelihood of the Gamma-Gamma model: Σ over customers of eq. (3). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendSummary[]): number {
  return spendLogLikelihood(params, spendColumns(customers));
}

/**
 * E[M | p, q, v, m, x] = (v + m·x)·p / (p·x + q − 1) (Fader & Hardie 2013, eq. 5): a weighted
 * mean of the population mean p·v/(q−1) and the customer's own mean m. Undefined for q ≤ 1
 * (the population mean is infinite): NaN. A customer with no repeat purchase gets the population mean.
 */
export function expectedAverageValue({ p, q, v }: GammaGammaParams, { x, mean }: SpendSummary): number {
  if (q <= 1) return Number.NaN;
  if (x <= 0) return (p * v) / (q - 1);
  return ((v + mean * x) * p) / (p * x + q - 1);
}

type Nlopt = (typeof import('nlopt-js'))['default'];
let loading: Promise<Nlopt> | undefined;
/** NLopt is WebAssembly: loaded on the first fit only, so that importing this module costs nothing. */
export function loadOptimizer(): Promise<Nlopt> {
  loading ??= import('nlopt-js').then(async ({ default: nlopt }) => {
    await nlopt.ready;
    return nlopt;
  });
  return loading;
}

/**
 * Minimises −log-likelihood / n over the logarithms of the parameters (which keeps them
 * positive) with NLopt's Nelder–Mead simplex, restarted once from its own optimum (a standard
 * guard against the simplex collapsing early). The best point evaluated is kept: NLopt reports
 * some stops (such as "roundoff limited") by throwing, and what it had found is still the best
 * point it evaluated.
 */
async function maximise(dimension: number, logLikelihood: (params: number[]) => number, n: number, start: number[]): Promise<{ x: number[]; value: number; evaluations: number; converged: boolean }> {
  const nlopt = await loadOptimizer();
  let evaluations = 0;
  let best = { x: start, value: Number.POSITIVE_INFINITY };
  let converged = true;
  for (let round = 0; round < 2; round++) {
    const optimizer = new nlopt.Optimize(nlopt.Algorithm.LN_NELDERMEAD, dimension);
    optimizer.setMinObjective((logs: number[]) => {
      evaluations += 1;
      const ll = logLikelihood(logs.map(Math.exp));
      const value = Number.isFinite(ll) ? -ll / n : 1e300;
      if (value < best.value) best = { x: [...logs], value };
      return value;
    }, 1e-10);
    optimizer.setLowerBounds(Array(dimension).fill(-12));
    optimizer.setUpperBounds(Array(dimension).fill(12));
    optimizer.setMaxeval(5000);
    try {
      converged = Boolean(optimizer.optimize(best.x).success);
    } catch {
      converged = false;
    } finally {
      nlopt.GC.flush();
    }
  }
  return { x: best.x, value: -best.value * n, evaluations, converged };
}

/** Maximum-likelihood BG/NBD parameters; null without customers. */
export async function fitBgNbd(customers: readonly RepeatSummary[]): Promise<Fit<BgNbdParams> | null> {
  if (customers.length === 0) return null;
  const groups = grouped(customers);
  const result = await maximise(4, ([r, alpha, a, b]) => groupedLogLikelihood({ r, alpha, a, b }, groups), customers.length, [0, 0, 0, 0]);
  const [r, alpha, a, b] = result.x.map(Math.exp);
  return { params: { r, alpha, a, b }, logLikelihood: result.value, evaluations: result.evaluations, converged: result.converged };
}

/**
 * Maximum-likelihood Gamma-Gamma parameters from customers with repeat purchases; null without
 * any. Spend is fitted in units of its sample mean (the model is scale-free: scaling spend by c
 * scales v by c and leaves p and q), which keeps the simplex well conditioned whatever the
 * currency's minor unit; the log-likelihood is reported in the original units.
 */
export async function fitGammaGamma(customers: readonly SpendSummary[]): Promise<Fit<GammaGammaParams> | null> {
  const usable = customers.filter((c) => c.x > 0 && c.mean > 0);
  if (usable.length === 0) return null;
  const scale = usable.reduce((sum, c) => sum + c.mean, 0) / usable.length;
  const scaled = spendColumns(usable.map((c) => ({ x: c.x, mean: c.mean / scale })));
  // Start where the population mean p·v/(q−1) is the sample mean.
  const result = await maximise(3, ([p, q, v]) => spendLogLikelihood({ p, q, v }, scaled), usable.length, [0, Math.log(2), 0]);
  const [p, q, v] = result.x.map(Math.exp);
  const params = { p, q, v: v * scale };
  return { params, logLikelihood: gammaGammaLogLikelihood(params, usable), evaluations: result.evaluations, converged: result.converged };
}
