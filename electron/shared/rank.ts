/**
 * Sortable string keys for card order (the "fractional indexing" scheme Figma and Replicache use):
 * a key is compared as a plain string, and a new key can always be made between any two, so moving a
 * card rewrites that card only and a column never needs renumbering.
 *
 * A key is an integer part plus a fraction. The integer's first character says how long it is ('a' =
 * two characters, 'b' = three, …; 'Z', 'Y', … for negatives), so appending at the end or the top just
 * counts up or down and keys stay three or four characters for thousands of cards. Inserting between
 * two neighbours extends the fraction, about one character per six halvings of the same gap.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const SMALLEST_INTEGER = `A${'0'.repeat(26)}`

export class RankError extends Error {}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2
  throw new RankError(`invalid rank head "${head}"`)
}

function integerPart(key: string): string {
  const length = integerLength(key[0] ?? '')
  if (length > key.length) throw new RankError(`invalid rank "${key}"`)
  return key.slice(0, length)
}

/** True for a key this module could have made: any string of them sorts consistently. */
export function isValidRank(key: string): boolean {
  try {
    if (key === SMALLEST_INTEGER || !/^[0-9A-Za-z]+$/.test(key)) return false
    const fraction = key.slice(integerPart(key).length)
    return !fraction.endsWith('0')
  } catch {
    return false
  }
}

/** A key strictly between a and b ('' = open start, null = open end); neither may end in '0'. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0
    while ((a[n] ?? '0') === b[n]) n++
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n))
  }
  const digitA = a ? DIGITS.indexOf(a[0]!) : 0
  const digitB = b !== null ? DIGITS.indexOf(b[0]!) : DIGITS.length
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)]!
  if (b !== null && b.length > 1) return b.slice(0, 1)
  return DIGITS[digitA]! + midpoint(a.slice(1), null)
}

function step(integer: string, by: 1 | -1): string | null {
  const [head, ...digits] = integer.split('') as [string, ...string[]]
  const top = by === 1 ? DIGITS.length - 1 : 0
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i]!)
    if (d !== top) {
      digits[i] = DIGITS[d + by]!
      return head + digits.join('')
    }
    digits[i] = DIGITS[by === 1 ? 0 : DIGITS.length - 1]!
  }
  // Every digit carried over: the integer needs one more (or one fewer) character.
  if (by === 1) {
    if (head === 'Z') return 'a0'
    if (head === 'z') return null
    const next = String.fromCharCode(head.charCodeAt(0) + 1)
    if (next > 'a') digits.push('0')
    else digits.pop()
    return next + digits.join('')
  }
  if (head === 'a') return `Z${DIGITS.at(-1)}`
  if (head === 'A') return null
  const next = String.fromCharCode(head.charCodeAt(0) - 1)
  if (next < 'Z') digits.push(DIGITS.at(-1)!)
  else digits.pop()
  return next + digits.join('')
}

/**
 * A key that sorts after `before` and before `after`; null means "no neighbour on that side".
 * Throws RankError when before >= after or a key is malformed, rather than returning a key that
 * would sort in the wrong place.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && !isValidRank(before)) throw new RankError(`invalid rank "${before}"`)
  if (after !== null && !isValidRank(after)) throw new RankError(`invalid rank "${after}"`)
  if (before !== null && after !== null && before >= after) {
    throw new RankError(`"${before}" does not sort before "${after}"`)
  }
  if (before === null && after === null) return 'a0'
  if (before === null) {
    const int = integerPart(after!)
    const fraction = after!.slice(int.length)
    if (int === SMALLEST_INTEGER) return int + midpoint('', fraction)
    if (fraction) return int
    const lower = step(int, -1)
    if (lower === null) throw new RankError('cannot go before the smallest rank')
    return lower
  }
  const int = integerPart(before)
  const fraction = before.slice(int.length)
  if (after === null) {
    const higher = step(int, 1)
    return higher ?? int + midpoint(fraction, null)
  }
  const afterInt = integerPart(after)
  if (int === afterInt) return int + midpoint(fraction, after.slice(afterInt.length))
  const higher = step(int, 1)
  if (higher === null) throw new RankError('ran out of ranks')
  return higher < after ? higher : int + midpoint(fraction, null)
}

/** Compares two keys in the order the board shows them (plain code-unit order, never locale order). */
export const compareRank = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
