import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortMatrix, cohortsOfCounts, periodRetention, costToServe, csat, csatOfTally, customerProfits, loyalty, nps, npsOfTally, quintiles, referrals, rfm, rfmSegment, whaleCurve,
} from './index.js';

describe('satisfaction', () => {
  it('gives the same CSAT and NPS from counts as from the scores', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 })), fc.array(fc.integer({ min: 0, max: 10 })), (csatScores, npsScores) => {
      expect(csatOfTally(csatScores.length, csatScores.filter((s) => s >= 4).length)).toEqual(csat(csatScores));
      const promoters = npsScores.filter((s) => s >= 9).length;
      const detractors = npsScores.filter((s) => s <= 6).length;
      expect(npsOfTally(promoters, npsScores.length - promoters - detractors, detractors)).toEqual(nps(npsScores));
    }));
  });


  it('computes CSAT and its Wilson interval as worked by hand', () => {
    // p = 3/4; z² = 3.8415; centre = (0.75 + 0.4802) / 1.9604 = 0.6275; half = 0.3269.
    expect(csat([5, 4, 2, 5])).toEqual({ csat: 75, answers: 4, satisfied: 3, interval: { low: 30.1, high: 95.4 } });
    expect(csat([])).toEqual({ csat: null, answers: 0, satisfied: 0, interval: null });
  });

  it('computes NPS, its categories and interval as worked by hand', () => {
    // 2 promoters, 1 passive, 1 detractor: 50 % − 25 % = 25; Var = (0.75 − 0.0625) / 4; half = 1.96 × 0.4146 = 0.8126.
    expect(nps([10, 9, 8, 3])).toEqual({ nps: 25, answers: 4, promoters: 2, passives: 1, detractors: 1, interval: { low: -56.3, high: 100 } });
    expect(nps([6, 0, 7]).nps).toBe(-66.7);
  });

  it('keeps NPS within −100…100 and CSAT within 0…100, inside their intervals', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (scores) => {
      const { nps: value, interval } = nps(scores);
      expect(value!).toBeGreaterThanOrEqual(-100);
      expect(value!).toBeLessThanOrEqual(100);
      expect(interval!.low).toBeLessThanOrEqual(value! + 0.05);
      expect(interval!.high).toBeGreaterThanOrEqual(value! - 0.05);
    }));
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 300 }), (scores) => {
      const summary = csat(scores);
      expect(summary.csat!).toBeGreaterThanOrEqual(0);
      expect(summary.csat!).toBeLessThanOrEqual(100);
      expect(summary.interval!.low).toBeGreaterThanOrEqual(0);
      expect(summary.interval!.high).toBeLessThanOrEqual(100);
    }));
  });
});

describe('RFM', () => {
  it('scores quintiles, with ties scored alike and recency reversed', () => {
    expect(quintiles([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(quintiles([1, 2, 3, 4, 5], true)).toEqual([5, 4, 3, 2, 1]);
    expect(quintiles([7, 7, 7])).toEqual([1, 1, 1]);
    expect(quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('names segments from recency and frequency', () => {
    expect([[5, 5], [3, 4], [5, 2], [4, 1], [1, 5], [2, 3], [3, 2], [1, 1]].map(([r, f]) => rfmSegment(r, f))).toEqual([
      'champions', 'loyal', 'potentialLoyalists', 'newCustomers', 'cannotLoseThem', 'atRisk', 'needAttention', 'hibernating',
    ]);
    const scored = rfm([
      { customerId: 'recent-frequent', recencyDays: 2, frequency: 20, monetary: 90_000 },
      { customerId: 'lapsed-frequent', recencyDays: 400, frequency: 18, monetary: 80_000 },
      { customerId: 'new', recencyDays: 5, frequency: 1, monetary: 3_000 },
      { customerId: 'gone', recencyDays: 700, frequency: 1, monetary: 1_000 },
      { customerId: 'middle', recencyDays: 90, frequency: 4, monetary: 20_000 },
    ]);
    expect(scored.map((s) => [s.customerId, s.r, s.f, s.segment])).toEqual([
      ['recent-frequent', 5, 5, 'champions'], ['lapsed-frequent', 2, 4, 'atRisk'], ['new', 4, 1, 'newCustomers'],
      ['gone', 1, 1, 'hibernating'], ['middle', 3, 3, 'needAttention'],
    ]);
  });
});

describe('whale curve', () => {
  it('ranks by profit, peaks before the unprofitable customers, and ends at total profit', () => {
    const curve = whaleCurve([500, -200, 300]);
    expect(curve.points.map((p) => p.cumulativeProfit)).toEqual([500, 800, 600]);
    expect(curve).toMatchObject({ totalProfit: 600, peakProfit: 800 });
    expect(curve.points.map((p) => Math.round(p.percentOfTotal!))).toEqual([83, 133, 100]);
  });

  it('always ends at total profit, at 100 % of customers', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), (profits) => {
      const curve = whaleCurve(profits);
      const last = curve.points[curve.points.length - 1];
      expect(last.cumulativeProfit).toBe(profits.reduce((a, b) => a + b, 0));
      expect(last.customerShare).toBe(1);
      expect(curve.peakProfit).toBeGreaterThanOrEqual(Math.max(0, last.cumulativeProfit));
    }));
  });
});

describe('cohort retention', () => {
  it('builds the matrix by first-purchase month, as worked by hand', () => {
    const rows = cohortMatrix([
      { customerId: 'a', at: '2026-01-05T10:00:00.000Z' }, { customerId: 'a', at: '2026-02-11T10:00:00.000Z' },
      { customerId: 'b', at: '2026-01-20T10:00:00.000Z' }, { customerId: 'b', at: '2026-03-02T10:00:00.000Z' },
      { customerId: 'c', at: '2026-02-28T23:59:59.999Z' }, { customerId: 'c', at: '2026-04-01T00:00:00.000Z' },
    ], '2026-03-31T23:59:59.999Z');
    expect(rows).toEqual([
      { cohort: '2026-01', size: 2, retention: [100, 50, 50] },
      { cohort: '2026-02', size: 1, retention: [100, 0] },
    ]);
  });

  it('measures month-over-month retention and churn, as worked by hand', () => {
    const rows = periodRetention([
      { customerId: 'a', at: '2026-01-05T10:00:00.000Z' }, { customerId: 'a', at: '2026-02-11T10:00:00.000Z' },
      { customerId: 'b', at: '2026-01-20T10:00:00.000Z' }, { customerId: 'b', at: '2026-03-02T10:00:00.000Z' },
      { customerId: 'c', at: '2026-02-28T23:59:59.999Z' },
    ], '2026-03-31T23:59:59.999Z');
    // February: of a, b (January buyers) only a came back; March: of a, c (February buyers) nobody did.
    expect(rows).toEqual([
      { month: '2026-02', base: 2, retained: 1, retention: 50, churn: 50 },
      { month: '2026-03', base: 2, retained: 0, retention: 0, churn: 100 },
    ]);
  });

  it('gives the same matrix and monthly retention from counts of buyers as from the purchases', () => {
    const purchase = fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), at: fc.date({ min: new Date('2025-01-01'), max: new Date('2026-08-31'), noInvalidDate: true }).map((d) => d.toISOString()) });
    fc.assert(fc.property(fc.array(purchase, { maxLength: 60 }), (purchases) => {
      const until = '2026-06-30T23:59:59.999Z';
      // What the database counts: each customer's months (up to until's), their first, and whether they bought the month before.
      const months = new Map<string, Set<string>>();
      for (const p of purchases) if (p.at.slice(0, 7) <= until.slice(0, 7)) months.set(p.customerId, (months.get(p.customerId) ?? new Set()).add(p.at.slice(0, 7)));
      const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
      const cells = new Map<string, { first: string; month: string; customers: number; kept: number }>();
      for (const set of months.values()) {
        const first = [...set].sort()[0];
        for (const month of set) {
          const cell = cells.get(`${first}|${month}`) ?? { first, month, customers: 0, kept: 0 };
          cell.customers += 1;
          if ([...set].some((other) => index(other) === index(month) - 1)) cell.kept += 1;
          cells.set(`${first}|${month}`, cell);
        }
      }
      const perMonth = (pick: 'customers' | 'kept') => [...new Set([...cells.values()].map((c) => c.month))]
        .map((month) => ({ month, customers: [...cells.values()].filter((c) => c.month === month).reduce((sum, c) => sum + c[pick], 0) }));
      const counted = cohortsOfCounts({ cohorts: [...cells.values()], buyers: perMonth('customers'), retained: perMonth('kept') }, until);
      expect(counted).toEqual({ cohorts: cohortMatrix(purchases, until), monthly: periodRetention(purchases, until) });
    }));
  });

  it('starts every cohort at 100 %', () => {
    const purchase = fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), at: fc.date({ min: new Date('2024-01-01'), max: new Date('2026-06-30'), noInvalidDate: true }).map((d) => d.toISOString()) });
    fc.assert(fc.property(fc.array(purchase, { minLength: 1, maxLength: 50 }), (purchases) => {
      for (const row of cohortMatrix(purchases, '2026-06-30T23:59:59.999Z')) {
        expect(row.retention[0]).toBe(100);
        for (const share of row.retention) expect(share).toBeGreaterThanOrEqual(0);
      }
    }));
  });
});

describe('loyalty', () => {
  it('computes repeat rate, frequency, gaps, tenure and returning revenue as worked by hand', () => {
    const summary = loyalty([
      { customerId: 'a', at: '2026-01-01T00:00:00.000Z', revenue: 100 },
      { customerId: 'a', at: '2026-01-11T00:00:00.000Z', revenue: 50 },
      { customerId: 'a', at: '2026-01-31T00:00:00.000Z', revenue: 50 },
      { customerId: 'b', at: '2026-01-21T00:00:00.000Z', revenue: 200 },
    ], '2026-01-31T00:00:00.000Z');
    // a: gaps 10 and 20 → mean 15 days; tenure a 30, b 10 → 20; returning revenue 100 of 400.
    expect(summary).toEqual({
      customers: 2, purchases: 4, repeatPurchaseRate: 50, purchaseFrequency: 2, meanInterPurchaseDays: 15, meanTenureDays: 20, returningRevenueShare: 25,
    });
    expect(loyalty([], '2026-01-01T00:00:00.000Z').repeatPurchaseRate).toBeNull();
  });

  it('counts the referrals customers made, as worked by hand', () => {
    // a referred two (one bought), b none, c one; x is not a customer of the set: left out.
    const links = [
      { referrerId: 'a', referredId: 'p', referredBought: true },
      { referrerId: 'a', referredId: 'q', referredBought: false },
      { referrerId: 'c', referredId: 'r', referredBought: true },
      { referrerId: 'x', referredId: 's', referredBought: true },
    ];
    expect(referrals(links, ['a', 'b', 'c', 'd'])).toEqual({ referrals: 3, referredBuyers: 2, referringCustomers: 2, referringRate: 50 });
    expect(referrals([], []).referringRate).toBeNull();
  });
});

describe('profitability', () => {
  it('takes cost of goods and cost to serve off revenue, as worked by hand', () => {
    // Support: 90 min at 40.00/h = 60.00; campaign share 2.50 → cost to serve 62.50.
    expect(costToServe(90, 4000, 250)).toBe(6250);
    expect(customerProfits([{ customerId: 'a', revenue: 50_000, costOfGoods: 30_000, supportMinutes: 90, campaignCost: 250 }], 4000))
      .toEqual([{ customerId: 'a', revenue: 50_000, costOfGoods: 30_000, costToServe: 6250, profit: 13_750 }]);
  });

  it('rounds a customer\'s cost to serve once, with their campaign shares in fractions of a minor unit', () => {
    // 7 min at 40.00/h = 466.67 minor units; a third of 10.00 (333.33) and a third of 0.05 (1.67) → 801.67 → 802.
    expect(costToServe(7, 4000, 1000 / 3 + 5 / 3)).toBe(802);
    // Half a cent of each of two campaigns is one cent (rounded share by share it would be two).
    expect(costToServe(0, 4000, 0.5 + 0.5)).toBe(1);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }), (minutes, hourly, campaign) => {
      const serve = costToServe(minutes, hourly, campaign);
      expect(Number.isInteger(serve)).toBe(true);
      expect(Math.abs(serve - ((minutes * hourly) / 60 + campaign))).toBeLessThanOrEqual(0.5);
    }));
  });
});
