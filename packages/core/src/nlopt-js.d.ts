// nlopt-js ships no types; the part Rapport uses.
declare module 'nlopt-js' {
  interface Result {
    success: boolean;
    x: number[];
    value: number;
  }
  class Optimize {
    constructor(algorithm: number, dimension: number);
    setMinObjective(objective: (x: number[], grad?: number[] | null) => number, tolerance: number): void;
    setLowerBounds(bounds: number[]): void;
    setUpperBounds(bounds: number[]): void;
    setMaxeval(evaluations: number): void;
    optimize(start: number[]): Result;
  }
  const nlopt: {
    ready: Promise<unknown>;
    Optimize: typeof Optimize;
    Algorithm: Record<string, number>;
    GC: { flush(): void };
  };
  export default nlopt;
}
