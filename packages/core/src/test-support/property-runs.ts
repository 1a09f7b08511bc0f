/**
 * How many random worlds a property test checks: `fallback` in the everyday test run, or
 * `ORGKIT_PROPERTY_RUNS` (the soak script sets it to tens of thousands).
 */
export function propertyRuns(fallback: number): number {
  const raw = Number(process.env.ORGKIT_PROPERTY_RUNS);
  return Number.isInteger(raw) && raw > 0 ? raw : fallback;
}

/** A property run checks thousands of worlds; on a busy machine that takes a while. */
export const PROPERTY_TIMEOUT = 10 * 60_000;
