/**
 * Text → index terms. Case- and accent-insensitive for alphabetic scripts; Chinese, Japanese and Korean
 * runs are written without spaces between words (or with particles glued on, as in "후속조치를"), so besides
 * the whole run they are indexed as character bigrams: any substring of two or more characters then
 * matches by its bigrams. Bigrams are made only from CJK characters, so Latin words never gain noise terms.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu
const SCRIPT_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+/gu
// Only marks on alphabetic letters are dropped: Japanese voiced marks (が → か) change the word.
const ACCENTS = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu
const NON_ASCII = /[^\t-~]/u
const ASCII_WORD = /[a-z0-9]+/g

export const isCjk = (text: string): boolean => CJK.test(text)

/** Lower case without accents: "Café" → "cafe"; Hangul and kana keep their composed form. */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  if (!NON_ASCII.test(lower)) return lower
  return lower.normalize('NFD').replace(ACCENTS, '').normalize('NFC')
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

/**
 * Calls `emit` for every term of `text` in order (with repeats, for term frequency) and returns the
 * number of distinct words: the field length BM25 normalises by, counted as MiniSearch counts it so that
 * long notes rank as they do there.
 */
export function forEachTerm(text: string, emit: (term: string) => void): number {
  const list = words(fold(text))
  for (const word of list) {
    if (word.length > 2 && NON_ASCII.test(word) && CJK.test(word)) {
      emit(word)
      for (const gram of bigrams(word)) emit(gram)
    } else emit(word)
  }
  return new Set(list).size
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
