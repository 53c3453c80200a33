// BG/NBD and Gamma-Gamma: the formulas against an independent numerical evaluation of the
// models' integrals, and maximum likelihood against customers simulated from known parameters.
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import randomBeta from '@stdlib/random-base-beta';
import randomExponential from '@stdlib/random-base-exponential';
import randomGamma from '@stdlib/random-base-gamma';
import randomUniform from '@stdlib/random-base-uniform';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedAverageValue,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaCustomerLogLikelihood,
  gammaGammaLogLikelihood,
  pAlive,
  type BgNbdParams,
  type GammaGammaParams,
  type RepeatSummary,
  type SpendSummary,
} from './bgnbd.js';

// The paper's estimates for the CDNOW sample (Fader, Hardie & Lee 2005, table 1), and Fader &
// Hardie's Gamma-Gamma estimates for the same customers.
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_SPEND: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

/** Composite Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (u: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += f(lo + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/**
 * The model's integrals evaluated numerically from its story, not from the paper's closed
 * forms: λ ~ Gamma(r, α) and p ~ Beta(a, b), substituted v = λ^r and w = p^a so that both
 * densities are bounded (they are infinite at 0 when r < 1 or a < 1).
 *   E[h(λ)·k(p)] = ∫ h(v^(1/r)) α^r e^(−α v^(1/r)) / (r Γ(r)) dv · ∫ k(w^(1/a)) (1 − w^(1/a))^(b−1) / (a B(a,b)) dw
 */
function overLambda({ r, alpha }: BgNbdParams, h: (lambda: number) => number, upper: number, n = 20_000): number {
  const scale = Math.exp(r * Math.log(alpha) - Math.log(r) - gammaln(r));
  return simpson((v) => {
    const lambda = v ** (1 / r);
    return h(lambda) * Math.exp(-alpha * lambda) * scale;
  }, 0, upper ** r, n);
}
function overP({ a, b }: BgNbdParams, k: (p: number) => number, n = 20_000): number {
  const scale = Math.exp(-Math.log(a) - betaln(a, b));
  return simpson((w) => {
    const p = w ** (1 / a);
    return k(p) * (1 - p) ** (b - 1) * scale;
  }, 0, 1, n);
}
/** The individual likelihood (λ, p) split into its "still alive" and "dropped out after t_x" terms, each integrated. */
function integratedTerms(params: BgNbdParams, { x, tx, T }: RepeatSummary) {
  const upper = (params.r + x + 60) / (params.alpha + tx) * 8;
  const alive = overP(params, (p) => (1 - p) ** x) * overLambda(params, (l) => l ** x * Math.exp(-l * T), upper);
  const dropped = x === 0 ? 0 : overP(params, (p) => p * (1 - p) ** (x - 1)) * overLambda(params, (l) => l ** x * Math.exp(-l * tx), upper);
  return { alive, dropped };
}

/** Simulates customers from the BG/NBD story: Poisson purchases at rate λ, drop-out with probability p after each repeat purchase. */
function simulate(params: BgNbdParams, customers: number, seed: number): Array<RepeatSummary & { lambda: number }> {
  const lambdas = randomGamma.factory(params.r, params.alpha, { seed });
  const ps = randomBeta.factory(params.a, params.b, { seed: seed + 1 });
  const waits = randomExponential.factory({ seed: seed + 2 });
  const uniform = randomUniform.factory(0, 1, { seed: seed + 3 });
  const out: Array<RepeatSummary & { lambda: number }> = [];
  for (let i = 0; i < customers; i++) {
    const lambda = lambdas();
    const p = ps();
    // Customers joined over half a year and are observed up to week 39 (as in CDNOW's calibration period).
    const T = 13 + 26 * uniform();
    let x = 0;
    let tx = 0;
    let t = 0;
    for (;;) {
      t += waits(lambda);
      if (t > T) break;
      x += 1;
      tx = t;
      if (uniform() < p) break;
    }
    out.push({ x, tx, T, lambda });
  }
  return out;
}

describe('BG/NBD formulas', () => {
  const customers: RepeatSummary[] = [
    { x: 0, tx: 0, T: 38.86 },
    { x: 1, tx: 1.71, T: 38.86 },
    { x: 2, tx: 30.43, T: 38.86 },
    { x: 7, tx: 35.71, T: 38.86 },
    { x: 5, tx: 8.0, T: 30.0 },
  ];

  it('the log-likelihood of eq. 6 equals the numerically integrated likelihood of the model', () => {
    for (const customer of customers) {
      const { alive, dropped } = integratedTerms(CDNOW, customer);
      expect(bgNbdCustomerLogLikelihood(CDNOW, customer)).toBeCloseTo(Math.log(alive + dropped), 6);
    }
  });

  it('the sample log-likelihood is the sum of the customers\' terms, histories that repeat counted as often as they occur', () => {
    // Summaries by day, as Rapport makes them: many customers share one (x, t_x, T).
    const byDay = simulate(CDNOW, 3_000, 99).map(({ x, tx, T }) => ({ x, tx: Math.round(tx * 7) / 7, T: Math.round(T * 7) / 7 }));
    expect(new Set(byDay.map((c) => `${c.x}|${c.tx}|${c.T}`)).size).toBeLessThan(byDay.length / 2);
    for (const params of [CDNOW, { r: 2, alpha: 9, a: 0.5, b: 4 }]) {
      const sum = byDay.reduce((total, c) => total + bgNbdCustomerLogLikelihood(params, c), 0);
      expect(bgNbdLogLikelihood(params, byDay)).toBeCloseTo(sum, 6);
    }
  });

  it('P(alive) equals the integrated share of the likelihood in which the customer is still active', () => {
    for (const customer of customers) {
      const { alive, dropped } = integratedTerms(CDNOW, customer);
      expect(pAlive(CDNOW, customer)).toBeCloseTo(alive / (alive + dropped), 6);
    }
    // A long silence after frequent buying is the case where the model doubts the customer.
    expect(pAlive(CDNOW, { x: 7, tx: 5, T: 38.86 })).toBeLessThan(0.1);
    expect(pAlive(CDNOW, { x: 7, tx: 38, T: 38.86 })).toBeGreaterThan(0.9);
  });

  it('expected purchases (eq. 7) and conditional expectations (eq. 10) equal the integrated expectations', () => {
    // Given λ and p an active customer buys (1 − e^(−λpt)) / p times in t on average.
    const future = (lambda: number, p: number, t: number) => (p === 0 ? lambda * t : (1 - Math.exp(-lambda * p * t)) / p);
    const t = 52;
    // E[X(t)] for a new customer: a 2-D integral of the individual expectation.
    const newCustomer = overP(CDNOW, (p) => overLambda(CDNOW, (l) => future(l, p, t), 60, 600), 600);
    expect(expectedPurchases(CDNOW, t)).toBeCloseTo(newCustomer, 3);

    // E[Y(t) | x, t_x, T]: the individual expectation weighted by the posterior share of being alive.
    for (const customer of customers.slice(0, 4)) {
      const { x, T } = customer;
      const { alive, dropped } = integratedTerms(CDNOW, customer);
      const upper = (CDNOW.r + x + 60) / CDNOW.alpha * 8;
      const weighted = overP(CDNOW, (p) => (1 - p) ** x * overLambda(CDNOW, (l) => l ** x * Math.exp(-l * T) * future(l, p, t), upper, 600), 600);
      expect(conditionalExpectedPurchases(CDNOW, customer, t)).toBeCloseTo(weighted / (alive + dropped), 3);
    }
  }, 60_000);

  it("reproduces the paper's worked example", () => {
    // Fader, Hardie & Lee (2005), §5: with the CDNOW estimates, a customer with x = 2,
    // t_x = 30.43 and T = 38.86 weeks is expected to buy 1.226 times in the next 39 weeks.
    expect(conditionalExpectedPurchases(CDNOW, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });

  it('P(alive) lies in [0, 1] and expected purchases are finite and non-negative for any history', () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 5, noNaN: true }),
      alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
      // Up to the optimiser's bounds (e^±12): a fit lands there when purchase histories show no
      // heterogeneity in drop-out.
      a: fc.oneof(fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 10, max: 162_755, noNaN: true })),
      b: fc.oneof(fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 10, max: 162_755, noNaN: true })),
    });
    // Histories as Rapport summarises them: purchases on one day are one transaction, so x repeat
    // purchases take at least x days (t_x ≥ x / 7 weeks), and T ≥ t_x.
    const history = fc
      .record({ x: fc.integer({ min: 0, max: 200 }), spread: fc.double({ min: 0, max: 260, noNaN: true }), silence: fc.double({ min: 0.1, max: 260, noNaN: true }) })
      .map(({ x, spread, silence }) => {
        const tx = x === 0 ? 0 : x / 7 + spread;
        return { x, tx, T: tx + silence };
      });
    fc.assert(
      fc.property(params, history, (p, h) => {
        const alive = pAlive(p, h);
        const future = conditionalExpectedPurchases(p, h, 52);
        return alive >= 0 && alive <= 1 && Number.isFinite(future) && future >= 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Gamma-Gamma formulas', () => {
  it('the log-likelihood equals the density of a mean of x Gamma(p, ν) spends integrated over ν ~ Gamma(q, v)', () => {
    // The mean of x spends ~ Gamma(p·x, ν·x); integrate over ν numerically.
    const { p, q, v } = CDNOW_SPEND;
    for (const { x, mean } of [{ x: 1, mean: 20 }, { x: 3, mean: 35.5 }, { x: 10, mean: 12.2 }]) {
      const density = simpson((nu) => {
        if (nu === 0) return 0;
        const spend = Math.exp(p * x * Math.log(nu * x) + (p * x - 1) * Math.log(mean) - nu * x * mean - gammaln(p * x));
        const prior = Math.exp(q * Math.log(v) + (q - 1) * Math.log(nu) - v * nu - gammaln(q));
        return spend * prior;
      }, 0, 10, 200_000);
      expect(gammaGammaCustomerLogLikelihood(CDNOW_SPEND, { x, mean })).toBeCloseTo(Math.log(density), 6);
    }
  });

  it('the sample log-likelihood is the sum of the customers\' terms', () => {
    const customers: SpendSummary[] = [{ x: 1, mean: 20 }, { x: 3, mean: 35.5 }, { x: 1, mean: 12 }, { x: 10, mean: 60 }, { x: 3, mean: 35.5 }];
    const sum = customers.reduce((total, c) => total + gammaGammaCustomerLogLikelihood(CDNOW_SPEND, c), 0);
    expect(gammaGammaLogLikelihood(CDNOW_SPEND, customers)).toBeCloseTo(sum, 9);
  });

  it("the expected average spend shrinks a customer's own mean toward the population mean", () => {
    const population = (CDNOW_SPEND.p * CDNOW_SPEND.v) / (CDNOW_SPEND.q - 1);
    expect(expectedAverageValue(CDNOW_SPEND, { x: 0, mean: 0 })).toBeCloseTo(population, 10);
    const own = 100;
    const one = expectedAverageValue(CDNOW_SPEND, { x: 1, mean: own });
    const many = expectedAverageValue(CDNOW_SPEND, { x: 50, mean: own });
    expect(one).toBeGreaterThan(population);
    expect(many).toBeGreaterThan(one);
    expect(many).toBeLessThan(own);
  });
});

describe('maximum likelihood recovers the parameters customers were simulated from', () => {
  it('BG/NBD from 10,000 simulated customers', async () => {
    const customers = simulate(CDNOW, 10_000, 20_051);
    const fit = await fitBgNbd(customers);
    expect(fit).not.toBeNull();
    const { params, logLikelihood } = fit!;
    // Tolerance: relative error ≤ 10 % for r and α, ≤ 20 % for a and b (which only repeat buyers
    // inform). Measured for this sample: r 0.6 %, α 2.6 %, a 4.7 %, b 3.7 %.
    const error = (got: number, want: number) => Math.abs(got - want) / want;
    expect({ r: error(params.r, CDNOW.r), alpha: error(params.alpha, CDNOW.alpha) }).toSatisfy(({ r, alpha }: { r: number; alpha: number }) => r < 0.1 && alpha < 0.1);
    expect({ a: error(params.a, CDNOW.a), b: error(params.b, CDNOW.b) }).toSatisfy(({ a, b }: { a: number; b: number }) => a < 0.2 && b < 0.2);
    // The optimum is a maximum: the true parameters score no better on the same sample.
    const total = (p: BgNbdParams) => customers.reduce((sum, c) => sum + bgNbdCustomerLogLikelihood(p, c), 0);
    expect(logLikelihood).toBeCloseTo(total(params), 6);
    expect(logLikelihood).toBeGreaterThanOrEqual(total(CDNOW) - 1e-6);
  }, 60_000);

  it('Gamma-Gamma from 10,000 simulated repeat buyers', async () => {
    const nus = randomGamma.factory(CDNOW_SPEND.q, CDNOW_SPEND.v, { seed: 7 });
    const spends = randomGamma.factory({ seed: 8 });
    const counts = randomUniform.factory(0, 1, { seed: 9 });
    const customers: SpendSummary[] = [];
    for (let i = 0; i < 10_000; i++) {
      const nu = nus();
      const x = 1 + Math.floor(counts() * 10);
      let total = 0;
      for (let j = 0; j < x; j++) total += spends(CDNOW_SPEND.p, nu);
      customers.push({ x, mean: total / x });
    }
    const fit = await fitGammaGamma(customers);
    expect(fit).not.toBeNull();
    const { p, q, v } = fit!.params;
    const error = (got: number, want: number) => Math.abs(got - want) / want;
    // Tolerance 10 % each; measured for this sample: p 2.1 %, q 4.6 %, v 2.9 %.
    expect({ p: error(p, CDNOW_SPEND.p), q: error(q, CDNOW_SPEND.q), v: error(v, CDNOW_SPEND.v) }).toSatisfy(
      (e: Record<string, number>) => e.p < 0.1 && e.q < 0.1 && e.v < 0.1,
    );
  }, 60_000);

  it('no customers, no fit', async () => {
    expect(await fitBgNbd([])).toBeNull();
    expect(await fitGammaGamma([{ x: 0, mean: 0 }])).toBeNull();
  });
});
