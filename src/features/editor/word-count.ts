// Han ideographs and Japanese kana are written without spaces, so each character counts as a word, the
// way CJK word counters (and Word's East Asian count) do. Hangul is spaced like English, so it counts by spaces.
const CHARACTER_WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const WORDLIKE = /[\p{L}\p{N}]/u

export interface TextCounts {
  words: number
  /** Characters without whitespace, counting a Hangul syllable or an emoji as one. */
  characters: number
}

export function countText(text: string): TextCounts {
  let words = 0
  for (const token of text.split(/\s+/)) {
    if (!token) continue
    const characterWords = token.match(CHARACTER_WORDS)?.length ?? 0
    const rest = token.replace(CHARACTER_WORDS, ' ').split(' ')
    words += characterWords + rest.filter((part) => WORDLIKE.test(part)).length
  }
  const characters = [
    ...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.replace(/\s+/g, '')),
  ].length
  return { words, characters }
}
