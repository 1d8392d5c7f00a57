import { resolve } from 'node:path'
import stylelint from 'stylelint'
import { describe, expect, it } from 'vitest'

/*
 * Runs the project's real stylelint config on small probe sheets placed (virtually) in a component's
 * folder and in tokens.css, and checks that raw colours, font sizes and spacings are refused everywhere
 * but tokens.css while the tokens, em sizes and computed colours are accepted.
 */
async function ruleErrors(path: string, declarations: string): Promise<string[]> {
  const { results } = await stylelint.lint({
    code: `.probe {\n  ${declarations}\n}\n`,
    codeFilename: resolve(path),
  })
  const [result] = results
  expect(result?.parseErrors ?? [], `${path} did not parse`).toEqual([])
  return (result?.warnings ?? []).map((w) => w.rule)
}

const COMPONENT = 'src/features/notes/Probe.css'
const TOKENS = 'src/styles/tokens.css'

const refused: [declaration: string, rule: string][] = [
  ['font-size: 13px;', 'declaration-property-value-disallowed-list'],
  ['font-size: 0.8rem;', 'declaration-property-value-disallowed-list'],
  ['margin: 0 4px;', 'declaration-property-value-disallowed-list'],
  ['padding-left: 0.5rem;', 'declaration-property-value-disallowed-list'],
  ['margin-top: calc(-1 * 3px);', 'declaration-property-value-disallowed-list'],
  ['gap: 6px 10px;', 'declaration-property-value-disallowed-list'],
  ['row-gap: 2px;', 'declaration-property-value-disallowed-list'],
  ['color: #fff;', 'color-no-hex'],
  ['box-shadow: 0 0 0 1px #ffe58a;', 'color-no-hex'],
  ['background: rgb(0 0 0 / 30%);', 'function-disallowed-list'],
  ['color: white;', 'color-named'],
  ['background: hsl(40deg 80% 60%);', 'declaration-property-value-disallowed-list'],
]

const accepted = [
  'font-size: var(--text-md);',
  'margin: 0 auto;',
  'padding: var(--space-2) var(--space-3);',
  'margin-left: calc(-1 * var(--space-1));',
  'padding-bottom: calc(var(--sidebar-foot-height) + var(--space-2-5));',
  'font-size: 0.9em;',
  'margin: 1.4em 0 0.4em;',
  'color: var(--on-danger);',
  'background: color-mix(in srgb, var(--accent) 7%, var(--bg-app));',
  'background: hsl(var(--label-hue) calc(70% * var(--label-sat, 1)) 88%);',
  'width: 30px;',
]

describe('stylelint keeps raw values in tokens.css', () => {
  it.each(refused)('refuses `%s` in a component sheet', async (declaration, rule) => {
    expect(await ruleErrors(COMPONENT, declaration)).toContain(rule)
  })

  it.each(accepted)('accepts `%s` in a component sheet', async (declaration) => {
    expect(await ruleErrors(COMPONENT, declaration)).toEqual([])
  })

  it.each(refused.filter(([, rule]) => rule !== 'color-named'))(
    'accepts `%s` in tokens.css, the one place raw values live',
    async (declaration) => {
      expect(await ruleErrors(TOKENS, declaration)).toEqual([])
    },
  )
})
