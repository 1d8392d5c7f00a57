import { describe, expect, it } from 'vitest'
import { snippetOf } from './notes'

describe('snippetOf', () => {
  it('collapses whitespace and cuts long text at the limit with an ellipsis', () => {
    expect(snippetOf('a\n\n  b')).toBe('a b')
    expect(snippetOf('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(snippetOf('y'.repeat(300))).toHaveLength(140)
    expect(snippetOf('y'.repeat(140))).toBe('y'.repeat(140))
  })
})
