import { fold } from '../../shared/domain/fold'

/**
 * Text → index terms. Case- and accent-insensitive for alphabetic scripts; Chinese, Japanese and Korean
 * runs are written without spaces between words (or with particles glued on, as in "후속조치를"), so besides
 * the whole run they are indexed as character bigrams: any substring of two or more characters then
 * matches by its bigrams. Bigrams are made only from CJK characters, so Latin words never gain noise terms.
 */

/** FNV-1a over UTF-16 code units: the term dictionary's hash, worked out while a word is scanned. */
const HASH_SEED = 0x811c9dc5 | 0 // as an Int32Array stores it
const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193)
export function termHash(s: string, start: number, end: number): number {
  let hash = HASH_SEED
  for (let i = start; i < end; i++) hash = hashStep(hash, s.charCodeAt(i))
  return hash
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu
const SCRIPT_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+/gu
const NON_ASCII = /[^\t-~]/u
const ASCII_WORD = /[a-z0-9]+/g

export const isCjk = (text: string): boolean => CJK.test(text)

/** What the scanner needs to know of a UTF-16 code unit, worked out on first sight (0: not yet). */
const KNOWN = 1
const WORD = 2 // a letter, digit or mark: part of a word
const CJK_CHAR = 4 // Han, kana or Hangul: a word holding one is split by script and gets bigrams
const CJK_SIDE = 8 // CJK, ー or 々: which side of that split the character falls on
const classes = new Uint8Array(0x10000)

function classOf(code: number): number {
  const known = classes[code]!
  return known === 0 ? (classes[code] = classify(code)) : known
}

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return KNOWN // half of a surrogate pair: only the slow paths see it
  const c = String.fromCharCode(code)
  let k = KNOWN
  if (/[\p{L}\p{N}\p{M}]/u.test(c)) k |= WORD
  if (CJK.test(c)) k |= CJK_CHAR | CJK_SIDE
  else if (c === 'ー' || c === '々') k |= CJK_SIDE
  return k
}

/** Words of already folded text, split where the script changes between CJK and the rest. */
export function words(folded: string): string[] {
  // Plain ASCII (most notes in Latin script) splits with a far cheaper pattern than the Unicode one.
  if (!NON_ASCII.test(folded)) return folded.match(ASCII_WORD) ?? []
  const out: string[] = []
  for (const run of folded.match(WORD_RUN) ?? []) {
    if (!NON_ASCII.test(run) || !CJK.test(run)) {
      out.push(run)
      continue
    }
    for (const part of run.match(SCRIPT_RUN) ?? []) out.push(part)
  }
  return out
}

/** Character bigrams of a CJK word ("후속조치" → 후속, 속조, 조치); a one-character word is its own term. */
export function bigrams(word: string): string[] {
  const chars = Array.from(word)
  if (chars.length < 2) return chars
  const out: string[] = []
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!)
  return out
}

/** Where the terms of a text go: folded[start, end) is one; `word` is false for the bigrams inside a CJK word. */
export interface TermSink {
  /** `hash` is termHash(folded, start, end), worked out on the way. */
  term(folded: string, start: number, end: number, word: boolean, hash: number): void
}

// Without the u flag, so that the halves of a pair match (with it, the pair is one code point).
const SURROGATES = /[\ud800-\udfff]/

/**
 * Hands `sink` every term of `text` in order (with repeats, for term frequency): each word, then the
 * bigrams of a CJK word longer than two characters. The same terms as words() and bigrams() give, found
 * by one walk over the characters instead of a regular expression per run and an array per word, which
 * was most of indexing a library for the first time. Text with characters outside the Basic Multilingual
 * Plane (rare: emoji, historic Han) takes the regular-expression path, which counts code points.
 */
export function scanTerms(text: string, sink: TermSink): void {
  const s = fold(text)
  if (NON_ASCII.test(s) && SURROGATES.test(s)) return scanWords(s, sink)
  const n = s.length
  let i = 0
  while (i < n) {
    let k = classOf(s.charCodeAt(i))
    if (!(k & WORD)) {
      i++
      continue
    }
    const start = i
    let seen = 0
    let hash = HASH_SEED
    for (let c = 0; i < n && (k = classOf((c = s.charCodeAt(i)))) & WORD; i++) {
      seen |= k
      hash = hashStep(hash, c)
    }
    if (!(seen & CJK_CHAR)) sink.term(s, start, i, true, hash)
    else splitScripts(s, start, i, sink)
  }
}

/** A run of word characters holding CJK: one word per stretch of CJK or other script, as words() splits it. */
function splitScripts(s: string, start: number, end: number, sink: TermSink): void {
  let p = start
  while (p < end) {
    const side = classOf(s.charCodeAt(p)) & CJK_SIDE
    let q = p
    let seen = 0
    let k = 0
    while (q < end && ((k = classOf(s.charCodeAt(q))) & CJK_SIDE) === side) {
      seen |= k
      q++
    }
    sink.term(s, p, q, true, termHash(s, p, q))
    if (seen & CJK_CHAR && q - p > 2)
      for (let g = p; g < q - 1; g++) sink.term(s, g, g + 2, false, termHash(s, g, g + 2))
    p = q
  }
}

function scanWords(folded: string, sink: TermSink): void {
  for (const word of words(folded)) {
    sink.term(word, 0, word.length, true, termHash(word, 0, word.length))
    if (word.length > 2 && NON_ASCII.test(word) && CJK.test(word))
      for (const gram of bigrams(word)) sink.term(gram, 0, gram.length, false, termHash(gram, 0, gram.length))
  }
}

/** How a query word is looked up: its parts (AND), each exact or a prefix. */
export interface QueryPart {
  term: string
  prefix: boolean
  cjk: boolean
}

/**
 * "e-mail" → e AND mail; "후속조치" → 후속 AND 속조 AND 조치 (found inside longer words). With `prefix`, every
 * Latin part also matches as a prefix (as MiniSearch's `prefix: true` does); a one-character CJK word always
 * does. CJK bigrams never do: they already match inside longer words.
 */
export function queryParts(word: string, prefix: boolean): QueryPart[] {
  const list = words(fold(word))
  const parts: QueryPart[] = []
  list.forEach((w) => {
    if (CJK.test(w)) {
      const chars = Array.from(w)
      if (chars.length === 1) parts.push({ term: w, prefix: true, cjk: true })
      else for (const gram of bigrams(w)) parts.push({ term: gram, prefix: false, cjk: true })
    } else parts.push({ term: w, prefix, cjk: false })
  })
  return parts
}
