/**
 * Text folding: lower case without accents, so "Café" matches "cafe". Search indexes and queries folded
 * text, and the snippets and highlights that show its matches fold the text on screen the same way.
 */

// Only marks on alphabetic letters are dropped: Japanese voiced marks (が → か) change the word.
const ACCENTS = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu
const NON_ASCII = /[^\t-~]/u
const MARK_OR_JAMO = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u // can combine with the character before it

const stripAccents = (lower: string): string => lower.normalize('NFD').replace(ACCENTS, '').normalize('NFC')

/** Per UTF-16 code unit: 0 not yet known, 1 folding may change it, 2 folding leaves it as it is. */
const stability = new Uint8Array(0x10000)

function isStable(code: number): boolean {
  let known = stability[code]!
  if (known === 0) {
    // Half of a surrogate pair is never stable: only the slow path sees the whole character.
    const c = String.fromCharCode(code)
    const stable = !(code >= 0xd800 && code <= 0xdfff) && !MARK_OR_JAMO.test(c) && stripAccents(c) === c
    stability[code] = known = stable ? 2 : 1
  }
  return known === 2
}

/** Lower case without accents: "Café" → "cafe"; Hangul and kana keep their composed form. */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  if (!NON_ASCII.test(lower)) return lower
  // Decomposing and recomposing was most of folding a Korean note, and changes nothing in text whose every
  // character is left as it is by both (Hangul syllables, kana, Han, most punctuation).
  for (let i = 0; i < lower.length; i++) if (!isStable(lower.charCodeAt(i))) return stripAccents(lower)
  return lower
}

/** Folded text plus, for each folded code unit, the index of the original code unit it came from. */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = ''
  const map: number[] = []
  let i = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    const f = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : fold(ch)
    folded += f
    for (let k = 0; k < f.length; k++) map.push(i)
    i += ch.length
  }
  map.push(i)
  return { folded, map }
}
