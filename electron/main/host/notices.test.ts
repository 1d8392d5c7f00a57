import { describe, expect, it } from 'vitest'
import { describeCorruptFiles } from './notices'

const file = (n: number) => ({
  file: `notes/n${n}.json`,
  movedTo: `.corrupt/n${n}.json`,
  reason: 'not valid JSON',
})

describe('describeCorruptFiles', () => {
  it('says nothing when nothing was moved', () => {
    expect(describeCorruptFiles([])).toBeUndefined()
  })

  it('names each moved file, where it went and why', () => {
    const notice = describeCorruptFiles([file(1)])
    expect(notice?.message).toBe('Tickler found a damaged file and moved it aside.')
    expect(notice?.detail).toContain('notes/n1.json → .corrupt/n1.json (not valid JSON)')
    expect(notice?.detail).toContain('Nothing was deleted.')
  })

  it('keeps a long list readable', () => {
    const notice = describeCorruptFiles(Array.from({ length: 13 }, (_, i) => file(i)))
    expect(notice?.message).toBe('Tickler found 13 damaged files and moved them aside.')
    expect(notice?.detail).toContain('notes/n9.json')
    expect(notice?.detail).not.toContain('notes/n10.json')
    expect(notice?.detail).toContain('…and 3 more.')
  })
})
