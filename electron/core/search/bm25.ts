/** MiniSearch's BM25+ parameters, so rankings agree with it. */
export const K = 1.2
export const B = 0.7
export const D = 0.5
export const K1 = K + 1

/** K·(1 − B + B·len/avg): the per-document part of a field's BM25 denominator. */
export const lengthNorm = (length: number, average: number): number => K * (1 - B + (B * length) / average)

/** BM25+ of a term frequency in a field with the given length norm, before idf and weights. */
export const saturation = (tf: number, norm: number): number => D + (tf * K1) / (tf + norm)
