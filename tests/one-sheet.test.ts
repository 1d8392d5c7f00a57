import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * The styling convention: one sheet beside the component (or module) that imports it, only tokens,
 * base rules and shared primitives imported once by the app root, each selector family declared in one
 * sheet (so no result depends on which sheet loads last), and no sheet over 300 lines.
 */
const SRC = resolve('src')
const ROOT_IMPORTER = join(SRC, 'main.tsx')
// Sheets the app root imports once: tokens, base element rules and element-level primitives.
const GLOBAL_FOLDERS = [join(SRC, 'styles'), join(SRC, 'ui')]
// Editor content is scoped under .note-body; each extension styles its own nodes inside that scope.
const SCOPE = /^\.note-body\s+(?=\.)/

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

const sheets = filesUnder(SRC, /\.css$/)
const name = (file: string) => relative(SRC, file)

/** Every selector of every rule in a sheet (comments removed; at-rule headers skipped, their rules kept). */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/url\([^)]*\)/g, 'url()')
  const selectors: string[] = []
  for (const match of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = match[1]!.trim()
    // Commas inside :is(…) or :not(…) do not separate selectors.
    if (!prelude.startsWith('@')) selectors.push(...prelude.split(/,(?![^(]*\))/).map((s) => s.trim()))
  }
  return selectors
}

/** The family a selector styles: its first class, after the theme switch and the editor-content scope. */
function familyOf(selector: string): string {
  const bare = selector.replace(/^:root\[data-theme='dark'\]\s*/, '').replace(SCOPE, '')
  return /\.([\w-]+)/.exec(bare)?.[1] ?? bare
}

describe('one styling convention', () => {
  it('finds the sheets and reads their selectors', () => {
    expect(sheets.length).toBeGreaterThan(40)
    expect(selectorsOf('.a, .b:is(p, li) { x: 1 }\n@media (width >= 1px) { .c { y: 2 } }')).toEqual([
      '.a',
      '.b:is(p, li)',
      '.c',
    ])
    expect(familyOf('.note-body .attachment.ProseMirror-selectednode .attachment-image')).toBe('attachment')
    expect(familyOf(":root[data-theme='dark'] .card-label")).toBe('card-label')
    expect(familyOf('.note-body p + p')).toBe('note-body')
  })

  it('declares each selector family in one sheet only', () => {
    const homes = new Map<string, Set<string>>()
    for (const sheet of sheets) {
      for (const selector of selectorsOf(readFileSync(sheet, 'utf8'))) {
        const family = familyOf(selector)
        homes.set(family, (homes.get(family) ?? new Set()).add(name(sheet)))
      }
    }
    const spread = [...homes]
      .filter(([, files]) => files.size > 1)
      .map(([f, files]) => `${f}: ${[...files].join(', ')}`)
    expect(spread).toEqual([])
  })

  it('keeps every sheet at 300 lines or fewer', () => {
    const long = sheets.filter((s) => readFileSync(s, 'utf8').split('\n').length > 301).map(name)
    expect(long).toEqual([])
  })

  it('imports each sheet once, from beside it, or from the app root for tokens, base and primitives', () => {
    const importers = new Map<string, string[]>()
    for (const module of filesUnder(SRC, /\.tsx?$/)) {
      for (const [, path] of readFileSync(module, 'utf8').matchAll(/^import '(\.[^']+\.css)'$/gm)) {
        const sheet = resolve(dirname(module), path!)
        importers.set(sheet, [...(importers.get(sheet) ?? []), module])
      }
    }
    const wrong = sheets.flatMap((sheet) => {
      const by = importers.get(sheet) ?? []
      const global = GLOBAL_FOLDERS.includes(dirname(sheet)) && by[0] === ROOT_IMPORTER
      const beside = by.length === 1 && dirname(by[0]!) === dirname(sheet)
      return by.length === 1 && (global || beside)
        ? []
        : [`${name(sheet)} imported by [${by.map(name).join(', ')}]`]
    })
    expect(wrong).toEqual([])
  })
})
