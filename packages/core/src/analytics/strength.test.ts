import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerType } from './customer-type.js';
import { rfm, rfmBreakpoints, rfmScore } from './rfm.js';
import { companyStrength, relationshipStrength, STRENGTH_WEIGHTS, type Touch } from './strength.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => NOW - days * DAY;

const touch = fc.record({
  at: fc.integer({ min: 0, max: 1500 }).map(daysAgo),
  channel: fc.constantFrom('email', 'call', 'meeting', 'chat', 'inPerson', 'sms'),
  direction: fc.constantFrom('inbound' as const, 'outbound' as const),
  initiatedBy: fc.constantFrom('customer' as const, 'us' as const, null),
  durationSeconds: fc.option(fc.integer({ min: 0, max: 4 * 3600 }), { nil: null }),
  outcome: fc.constantFrom(null, 'completed', 'noAnswer', 'leftMessage', 'replied', 'noReply', 'scheduled', 'cancelled'),
  participants: fc.integer({ min: 1, max: 30 }),
});
const input = fc.record({
  touches: fc.array(touch, { maxLength: 60 }),
  campaigns: fc.option(fc.integer({ min: 0, max: 20 }).chain((sent) => fc.record({ sent: fc.constant(sent), engaged: fc.integer({ min: 0, max: sent }) })), { nil: undefined }),
  sentiments: fc.option(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 10 }), { nil: undefined }),
});

describe('relationship strength', () => {
  it('is null with reasons when there is no interaction', () => {
    expect(relationshipStrength({ asOf: NOW, touches: [] })).toEqual({ score: null, components: [], reasons: ['no interaction recorded yet'] });
  });

  it('works out a small case by hand', () => {
    // One inbound 60-minute call today, started by the customer, completed.
    const result = relationshipStrength({ asOf: NOW, touches: [{ at: NOW, channel: 'call', direction: 'inbound', initiatedBy: 'customer', durationSeconds: 3600, outcome: 'completed' }] });
    const byName = Object.fromEntries(result.components.map((c) => [c.name, c]));
    // time: 0.5·(1 − e^(−1/5)) + 0.25·(1 − e^0)·1 + 0.25·1 = 0.5·0.18127 + 0 + 0.25 = 0.34063 → 34.1
    expect(byName.time.value).toBe(34.1);
    // frequency: 1 touch ÷ (90 / 30.44 / ln 2 = 4.2656) = 0.23443 a month → 1 − e^(−0.23443/2) = 0.11060 → 11.1
    expect(byName.frequency.value).toBe(11.1);
    // reciprocity: evidence 1/3 × (0.5·min(1, 2·1) + 0.5·min(1, 2·1)) = 0.3333 → 33.3
    expect(byName.reciprocity.value).toBe(33.3);
    // intensity: only meeting length, 60 min → 1 − e^(−2) = 0.86466 → 86.5
    expect(byName.intensity.value).toBe(86.5);
    // score: 34.1·0.30 + 11.1·0.15 + 33.3·0.25 + 86.5·0.30 = 10.23 + 1.665 + 8.325 + 25.95 = 46.17 → 46.2
    expect(result.score).toBe(46.2);
    expect(result.reasons[0]).toMatch(/^intensity 26\/30: calls and meetings last 60 min/);
  });

  it('scores a contact with hundreds of thousands of touches (a shared inbox, say)', () => {
    const touches: Touch[] = Array.from({ length: 300_000 }, (_, i) => ({ at: daysAgo(i % 1000), channel: 'email', direction: i % 2 ? 'inbound' : 'outbound' }));
    const result = relationshipStrength({ asOf: NOW, touches });
    expect(result.score).toBeGreaterThan(0);
    expect(result.components.find((c) => c.name === 'time')?.reason).toMatch(/known for 3[23] months/);
  });

  it('lies in [0, 100] and equals the sum of its contributions', () => {
    fc.assert(fc.property(input, ({ touches, campaigns, sentiments }) => {
      const result = relationshipStrength({ asOf: NOW, touches, campaigns, sentiments });
      if (touches.length === 0) {
        expect(result.score).toBeNull();
        return;
      }
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      for (const c of result.components) {
        expect(c.value).toBeGreaterThanOrEqual(0);
        expect(c.value).toBeLessThanOrEqual(100);
        expect(c.weight).toBe(STRENGTH_WEIGHTS[c.name]);
      }
      const sum = result.components.reduce((s, c) => s + (c.value * c.weight) / 100, 0);
      expect(Math.abs(result.score! - sum)).toBeLessThanOrEqual(0.051);
    }));
  });

  it('never falls when a mutual touch happens today (time, frequency and reciprocity)', () => {
    const today: Touch = { at: NOW, channel: 'meeting', direction: 'inbound', initiatedBy: 'customer', durationSeconds: 1800, outcome: 'completed', participants: 2 };
    fc.assert(fc.property(input, ({ touches }) => {
      fc.pre(touches.length > 0);
      const before = relationshipStrength({ asOf: NOW, touches });
      const after = relationshipStrength({ asOf: NOW, touches: [...touches, today] });
      for (const name of ['time', 'frequency', 'reciprocity'] as const) {
        const was = before.components.find((c) => c.name === name)!.value;
        const is = after.components.find((c) => c.name === name)!.value;
        expect(is).toBeGreaterThanOrEqual(was);
      }
    }));
  });

  it('rises with every component (the score is monotone in each)', () => {
    // Better engagement with campaigns and a warmer tone raise intensity and nothing else.
    fc.assert(fc.property(input, fc.integer({ min: 1, max: 10 }), ({ touches }, sent) => {
      fc.pre(touches.length > 0);
      const cold = relationshipStrength({ asOf: NOW, touches, campaigns: { sent, engaged: 0 }, sentiments: [-0.5] });
      const warm = relationshipStrength({ asOf: NOW, touches, campaigns: { sent, engaged: sent }, sentiments: [0.5] });
      expect(warm.score!).toBeGreaterThan(cold.score!);
    }));
  });

  it('counts one-way outreach and situational group meetings for less than mutual one-to-one contact', () => {
    const weekly = (make: (i: number) => Touch) => Array.from({ length: 26 }, (_, i) => make(i));
    const unanswered = relationshipStrength({ asOf: NOW, touches: weekly((i) => ({ at: daysAgo(7 * i), channel: 'email', direction: 'outbound', initiatedBy: 'us', outcome: 'noReply' })) });
    const situational = relationshipStrength({ asOf: NOW, touches: weekly((i) => ({ at: daysAgo(7 * i), channel: 'meeting', direction: 'outbound', initiatedBy: 'us', durationSeconds: 3600, outcome: 'completed', participants: 20 })) });
    const mutual = relationshipStrength({ asOf: NOW, touches: weekly((i) => ({ at: daysAgo(7 * i), channel: 'call', direction: i % 2 ? 'inbound' : 'outbound', initiatedBy: i % 2 ? 'customer' : 'us', durationSeconds: 1200, outcome: 'completed' })) });
    const frequency = (r: ReturnType<typeof relationshipStrength>) => r.components.find((c) => c.name === 'frequency')!.value;
    expect(frequency(unanswered)).toBeLessThan(frequency(mutual));
    expect(frequency(situational)).toBeLessThan(frequency(mutual));
    expect(unanswered.score!).toBeLessThan(mutual.score!);
    // Time spent counts only when mutual: unanswered mail has no mutual time at all.
    expect(unanswered.components.find((c) => c.name === 'time')!.facts[0].value).toBe(0);
  });

  it('does not let a long but dormant acquaintance look strong', () => {
    const longAgo = relationshipStrength({ asOf: NOW, touches: [{ at: daysAgo(1400), channel: 'meeting', direction: 'inbound', initiatedBy: 'customer', durationSeconds: 3600, outcome: 'completed' }, { at: daysAgo(700), channel: 'call', direction: 'outbound', initiatedBy: 'us', durationSeconds: 600, outcome: 'completed' }] });
    expect(longAgo.components.find((c) => c.name === 'time')!.value).toBeLessThan(5);
  });

  it('combines a company from its people, the strongest counting most', () => {
    expect(companyStrength([])).toBeNull();
    expect(companyStrength([null, 40])).toBe(40);
    // (80·1 + 20·½) / (1 + ½) = 90 / 1.5 = 60
    expect(companyStrength([20, 80])).toBe(60);
  });
});

describe('customer type', () => {
  const base = { orders: 6, discountedOrders: 0, discountTotal: 0, listTotal: 600_00, campaignOrders: 0, deals: 0, negotiatedDeals: 0, relationshipStrength: 40 };
  it('says unknown on thin data', () => {
    expect(customerType({ ...base, orders: 1, deals: 1 }).type).toBe('unknown');
  });
  it('classifies by the rules, with evidence', () => {
    expect(customerType({ ...base, discountedOrders: 4 }).type).toBe('price');
    expect(customerType({ ...base, discountTotal: 90_00 }).type).toBe('price');
    expect(customerType({ ...base, relationshipStrength: 75 }).type).toBe('relationship');
    expect(customerType({ ...base, deals: 4, negotiatedDeals: 3, relationshipStrength: 70, discountedOrders: 4 }).type).toBe('pokerPlayer');
    const value = customerType(base);
    expect(value.type).toBe('value');
    expect(value.evidence[0]).toBe('6 orders, 0 % discounted, discounts 0 % of list value, 0 % through campaigns');
  });
});

describe('RFM cut points', () => {
  it('score every customer exactly as ranking the whole set does', () => {
    const customer = fc.record({ customerId: fc.uuid(), recencyDays: fc.integer({ min: 0, max: 50 }), frequency: fc.integer({ min: 1, max: 12 }), monetary: fc.integer({ min: 0, max: 20 }) });
    fc.assert(fc.property(fc.array(customer, { minLength: 1, maxLength: 80 }), (customers) => {
      const cuts = rfmBreakpoints(customers)!;
      expect(customers.map((c) => rfmScore(c, cuts))).toEqual(rfm(customers));
    }));
  });
});
