// The one source of randomness for demo data: a seeded generator that every choice, every
// faker call and every id draws from, so that a seed and a present give the same rows.
import { v7 as uuidv7 } from 'uuid';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * An instant as the API and storage write it: `2025-03-01T09:30:00.000Z`. Same text as
 * `toISOString`, built from a cached date part: demo data formats tens of millions of instants.
 */
export function iso(ms: number): string {
  const instant = Math.round(ms);
  const day = Math.floor(instant / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = instant - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}

/** A calendar date (UTC): `2025-03-01`. */
export function isoDate(ms: number): string {
  return iso(ms).slice(0, 10);
}

/** Values with weights, prepared for repeated draws. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, weight], i) => { sum += weight; cumulative[i] = sum; });
  for (let i = 0; i < cumulative.length; i++) cumulative[i] /= sum;
  return { values: entries.map(([value]) => value), cumulative };
}

/**
 * sfc32, the Small Fast Counting generator (Doty-Humphrey, PractRand): 128 bits of state, fast
 * in JavaScript's 32-bit integer arithmetic, and good enough for simulation. Faker draws from
 * it too (see `fakerRandomizer`), so one seed drives everything.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  readonly #bytes = new Uint8Array(16);
  /** Milliseconds of the next id: a fixed start, one step per id, so runs with a seed repeat exactly. */
  #idClock = Date.UTC(2024, 0, 1);

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    this.#a ^= Math.floor(seed / 0x100000000) >>> 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** A draw from a weighted table (binary search over the cumulative weights). */
  draw<T>(table: WeightedTable<T>): T {
    const u = this.next();
    const { cumulative } = table;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo];
  }

  /** Exponential waiting time with the given mean (inter-arrival time of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal, Box–Muller. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median; `sigma` is the spread of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /**
   * Gamma(shape, scale), mean shape × scale. Marsaglia & Tsang, "A simple method for generating
   * gamma variables", ACM TOMS 26(3), 2000; shape < 1 by the boost Γ(a) = Γ(a+1)·U^(1/a).
   */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** A gamma draw given its mean and shape (heterogeneity across customers). */
  gammaWithMean(mean: number, shape: number): number {
    return this.gamma(shape, mean / shape);
  }

  /**
   * A UUIDv7 in generation order, with random bits from here. Ids follow the order records are
   * loaded in, not their `createdAt` (which spans three years): every insert then appends to the
   * primary-key index instead of landing at a random page of it, which keeps a million-person
   * load from slowing down as the index outgrows the cache — as for imported records, whose ids
   * tell when they were loaded.
   */
  id(): string {
    this.#idClock += 1;
    const bytes = this.#bytes;
    for (let i = 0; i < 16; i += 4) {
      const word = this.uint32();
      bytes[i] = word & 0xff;
      bytes[i + 1] = (word >>> 8) & 0xff;
      bytes[i + 2] = (word >>> 16) & 0xff;
      bytes[i + 3] = word >>> 24;
    }
    return uuidv7({ msecs: this.#idClock, random: bytes });
  }

  /** Faker's randomizer interface over this generator; reseeding through faker is ignored on purpose. */
  fakerRandomizer(): { next(): number; seed(seed: number | number[]): void } {
    return { next: () => this.next(), seed: () => {} };
  }
}

/** Zipf-like popularity: item i gets weight 1 / (i + 1)^s (a few products sell most). */
export function zipf<T>(values: readonly T[], s = 1): WeightedTable<T> {
  return weighted(values.map((value, i) => [value, 1 / Math.pow(i + 1, s)] as const));
}
