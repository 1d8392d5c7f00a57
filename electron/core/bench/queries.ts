import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rng, type CorpusNote } from './corpus'

/**
 * Queries as people type them: 1–3 neighbouring words of a real note (so an AND of them has answers),
 * the last one cut short as if still being typed — at least 3 characters, about 60% of the word.
 */
export function benchQueries(notes: readonly CorpusNote[], count: number, seed = 7): string[] {
  const random = rng(seed)
  const out: string[] = []
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const note = notes[Math.floor(random() * notes.length)]!
    const words = note.text.split(/\s+/u).filter(Boolean)
    if (!words.length) continue
    const n = Math.min(words.length, 1 + Math.floor(random() * 3))
    const start = Math.floor(random() * (words.length - n + 1))
    const picked = words.slice(start, start + n)
    const last = Array.from(picked.at(-1)!)
    if (last.length > 3)
      picked[picked.length - 1] = last.slice(0, Math.max(3, Math.ceil(last.length * 0.6))).join('')
    out.push(picked.join(' '))
  }
  return out
}

/** True for a query in Latin script only: the set the agreement with plain MiniSearch is measured on. */
export const isLatinQuery = (query: string): boolean => /^[\p{Script=Latin}\p{N}\s]+$/u.test(query)

/** `--corpus DIR`: each .md or .txt file is a note; its first line (without Markdown #) is the title. */
export function corpusFromDir(dir: string): CorpusNote[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|txt)$/iu.test(name))
    .sort()
    .map((name): CorpusNote => {
      const [first = '', ...rest] = readFileSync(join(dir, name), 'utf8').split(/\r?\n/u)
      const text = rest.join('\n').trim()
      const language: CorpusNote['language'] = /\p{Script=Hangul}/u.test(text)
        ? 'ko'
        : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)
          ? 'ja'
          : /\p{Script=Han}/u.test(text)
            ? 'zh'
            : 'en'
      return { title: first.replace(/^#+\s*/u, '').trim(), text, language }
    })
}
