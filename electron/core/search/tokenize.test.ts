import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TermCounter } from './term-counter'
import { TermTable } from './term-table'
import { fold } from '../../shared/domain/fold'
import { bigrams, isCjk, scanTerms, termHash, words } from './tokenize'

/** The terms as they are defined: words() of the folded text, and the bigrams of each CJK word past 2. */
function reference(text: string): { terms: [string, boolean][]; distinct: number } {
  const list = words(fold(text))
  const terms: [string, boolean][] = []
  for (const word of list) {
    terms.push([word, true])
    if (word.length > 2 && /[^\t-~]/u.test(word) && isCjk(word))
      for (const gram of bigrams(word)) terms.push([gram, false])
  }
  return { terms, distinct: new Set(list).size }
}

function scanned(text: string): [string, boolean][] {
  const out: [string, boolean][] = []
  scanTerms(text, {
    term: (s, start, end, word, hash) => {
      expect(hash).toBe(termHash(s, start, end))
      out.push([s.slice(start, end), word])
    },
  })
  return out
}

/** Folding as it is defined: lower case, decomposed, marks on alphabetic letters dropped, recomposed. */
const slowFold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '')
    .normalize('NFC')

// Pieces of text that test every path: ASCII, accents precomposed and not, Hangul syllables and loose jamo
// (which compose), kana with and without separate voicing marks, Han, ー and 々, punctuation, emoji.
const PIECES = [
  'a', 'Z', '7', ' ', '-', '.', '\n', 'é', 'e\u0301', 'İ', 'ß', 'Ω', 'ж', '후속', '조치를', '한', '\u1100', '\u1161',
  '\u11a8', 'が', 'か\u3099', 'フォロー', 'ー', '々', '我们', '認証', '、', '—', '\u2000', '😀', '𠀀', 'ｆｕｌｌ', '\u0301',
]
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''))

describe('index terms', () => {
  it('are the words and CJK bigrams the definition gives, for any mix of scripts', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(scanned(t)).toEqual(reference(t).terms)
      }),
      { numRuns: 2000 },
    )
  })

  it('fold gives what decomposing and recomposing gives, also where it skips them', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(fold(t)).toBe(slowFold(t))
      }),
      { numRuns: 2000 },
    )
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const c = String.fromCharCode(code)
      if (fold(c) !== slowFold(c)) throw new Error(`fold differs on U+${code.toString(16)}`)
    }
  })

  it('are counted per field with saturating frequencies and the number of distinct words', () => {
    const dictionary = new TermTable()
    const counter = new TermCounter(dictionary)
    const title = 'Follow up 후속조치'
    const body = `${'ping '.repeat(300)}후속조치를 follow`
    const { terms, tfs, lengths } = counter.count([title, body, 'sales', 'Inbox'])
    expect(Array.from(lengths)).toEqual([3, 3, 1, 1].map((_, f) => reference([title, body, 'sales', 'Inbox'][f]!).distinct))
    const tf = (term: string) => tfs[terms.indexOf(dictionary.find(term))]!
    expect(tf('follow') & 0xff).toBe(1) // title
    expect((tf('follow') >>> 8) & 0xfff).toBe(1) // body
    expect((tf('ping') >>> 8) & 0xfff).toBe(300)
    expect(tf('후속') & 0xff).toBe(1) // a bigram of the title's Korean word
    expect(Array.from(terms)).toEqual([...terms].sort((a, b) => a - b))
    // The next document starts from nothing.
    const again = counter.count(['ping', '', '', ''])
    expect(Array.from(again.tfs)).toEqual([1])
  })
})

describe('term table', () => {
  it('gives each distinct term one id, found again from any slice of text, through many rehashes', () => {
    const table = new TermTable()
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`).concat(['', 'a', '후속', 'é'])
    const ids = words.map((w) => table.idOf(`  ${w}.`, 2, 2 + w.length))
    expect(ids).toEqual(words.map((_, i) => i))
    expect(words.map((w) => table.idOf(w, 0, w.length))).toEqual(ids)
    expect(table.terms).toEqual(words)
    expect(table.find('w0')).toBe(0)
    expect(table.find('nope')).toBe(-1)
    expect(table.size).toBe(words.length) // find adds nothing
  })
})
