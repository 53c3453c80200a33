// Satisfaction (SPEC §7.1): CSAT and NPS from survey answers, with the number of answers and a
// 95 % confidence interval.
//   CSAT = share of answers of 4 or 5 on a 1–5 scale; interval by Wilson's score method, which
//          stays inside [0, 100] and behaves with few answers (unlike the normal approximation).
//   NPS  = % promoters (9–10) − % detractors (0–6), −100…100; interval from the variance of the
//          difference of two proportions of one multinomial sample:
//          Var(NPS/100) = (p + d − (p − d)²) / n, normal approximation, clamped to [−100, 100].

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export interface CsatSummary {
  /** Percentage of satisfied answers (4 or 5), 0–100; null without answers. */
  csat: number | null;
  answers: number;
  satisfied: number;
  interval: Interval | null;
}

export interface NpsSummary {
  /** −100…100; null without answers. */
  nps: number | null;
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  interval: Interval | null;
}

/**
 * CSAT of 1–5 scores.
 * @example csat([5, 4, 2, 5]) // { csat: 75, answers: 4, satisfied: 3, interval: { low: 30.1, high: 95.4 } }
 */
export function csat(scores: readonly number[]): CsatSummary {
  return csatOfTally(scores.length, scores.filter((score) => score >= 4).length);
}

/**
 * CSAT from counts alone: how many answered and how many of them were satisfied (4 or 5), as a
 * database can count them.
 * @example csatOfTally(4, 3) // the same as csat([5, 4, 2, 5])
 */
export function csatOfTally(answers: number, satisfied: number): CsatSummary {
  if (answers === 0) return { csat: null, answers, satisfied, interval: null };
  const p = satisfied / answers;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * answers)) / (1 + z2 / answers);
  const half = (Z95 / (1 + z2 / answers)) * Math.sqrt((p * (1 - p)) / answers + z2 / (4 * answers * answers));
  return { csat: round(100 * p), answers, satisfied, interval: { low: round(100 * Math.max(0, centre - half)), high: round(100 * Math.min(1, centre + half)) } };
}

/** The NPS category of a 0–10 answer. */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS of 0–10 scores.
 * @example nps([10, 9, 8, 3]) // { nps: 25, promoters: 2, passives: 1, detractors: 1, … }
 */
export function nps(scores: readonly number[]): NpsSummary {
  const promoters = scores.filter((s) => npsCategory(s) === 'promoter').length;
  const detractors = scores.filter((s) => npsCategory(s) === 'detractor').length;
  return npsOfTally(promoters, scores.length - promoters - detractors, detractors);
}

/**
 * NPS from counts of promoters, passives and detractors.
 * @example npsOfTally(2, 1, 1) // the same as nps([10, 9, 8, 3])
 */
export function npsOfTally(promoters: number, passives: number, detractors: number): NpsSummary {
  const answers = promoters + passives + detractors;
  if (answers === 0) return { nps: null, answers, promoters, passives, detractors, interval: null };
  const p = promoters / answers;
  const d = detractors / answers;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / answers);
  const value = p - d;
  return {
    nps: round(100 * value), answers, promoters, passives, detractors,
    interval: { low: round(100 * Math.max(-1, value - half)), high: round(100 * Math.min(1, value + half)) },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
