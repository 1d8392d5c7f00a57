import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * Each rule of the domain (electron/shared/domain) and the contract's `method` helper is defined once.
 * A second `function snippetOf` or `const INBOX_ID =` anywhere else in the code is the drift this guards
 * against: the renderer may import the domain by value, so it never needs a copy.
 */
const ROOTS = ['electron', 'src', 'e2e', 'scripts']
const DOMAIN = 'electron/shared/domain'
/** The renderer's shared UI: its pieces (Menu, ConfirmDialog, messageOf…) are not retyped in a feature. */
const SHARED_UI = 'src/ui'
const SOURCE = /\.(ts|tsx)$/

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'lint-fixtures' ? [] : sources(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

const files = ROOTS.flatMap(sources).map((path) => ({ path, text: readFileSync(path, 'utf8') }))
/** A top-level definition (a local variable of the same name, such as a zip entry's `method`, is no copy). */
const definition = (name: string) =>
  new RegExp(`^(export\\s+)?(async\\s+)?(function\\s+${name}\\b|(const|let|var)\\s+${name}\\s*[:=])`, 'm')

const owned = [
  ...files
    .filter((f) => (f.path.startsWith(DOMAIN) || f.path.startsWith(SHARED_UI)) && !f.path.includes('.test.'))
    .flatMap((f) =>
      [...f.text.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => ({ name: m[1]!, owner: f.path })),
    ),
  { name: 'method', owner: 'electron/shared/contract-method.ts' },
]

describe('one definition per rule', () => {
  it('finds the domain rules to check', () => {
    expect(owned.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'snippetOf',
        'summaryOf',
        'pendingFollowUp',
        'fold',
        'formatBytes',
        'INBOX_ID',
        'messageOf',
        'MenuButton',
        'ConfirmDialog',
      ]),
    )
  })

  it.each(owned)('$name is defined only in $owner', ({ name, owner }) => {
    const elsewhere = files
      .filter((f) => f.path !== owner && definition(name).test(f.text))
      .map((f) => f.path)
    expect(elsewhere).toEqual([])
  })

  it('spells "the message of a failure" only in messageOf', () => {
    const inline = /instanceof Error \? \w+\.message : String\(/
    const spelled = files.filter((f) => f.path.startsWith('src/') && inline.test(f.text)).map((f) => f.path)
    expect(spelled).toEqual(['src/ui/message-of.ts'])
  })
})
