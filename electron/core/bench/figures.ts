/** The value below which a fraction `p` (0.5, 0.95) of the sorted samples fall: one rule for every bench. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

/** A figure rounded to `places` decimals for printing. */
export const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places
