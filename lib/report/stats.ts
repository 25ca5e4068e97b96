/** Median: the middle value, or the mean of the two middle values for an even count (docs/architecture.md "Report"). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile: the ⌈p·n⌉-th smallest value (docs/architecture.md "Report": p = 0.9). */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // Rounded first: 0.9 × 30 is 27.000000000000004 in floating point, whose ceiling would be 28.
  const rank = Math.max(1, Math.ceil(Math.round(p * sorted.length * 1e9) / 1e9));
  return sorted[rank - 1] as number;
}

/** a ÷ b, or null when b is 0 (an undefined rate, shown as "—"). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
