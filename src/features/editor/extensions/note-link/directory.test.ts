import { describe, expect, it } from 'vitest'
import { createNoteDirectory } from './directory'

const note = (id: string, title: string, updatedAt: string, trashedAt: string | null = null) => ({
  id,
  title,
  updatedAt,
  trashedAt,
})

function directoryWith(...notes: ReturnType<typeof note>[]) {
  const directory = createNoteDirectory()
  let told = 0
  directory.subscribe(() => told++)
  directory.update(notes, true)
  return { directory, told: () => told }
}

describe('the note directory', () => {
  it('knows no title until the list has loaded, then each note’s, and null for a missing one', () => {
    const directory = createNoteDirectory()
    directory.update([note('a', 'Plan', '2026-01-01')], false)
    expect(directory.titleOf('a')).toBeUndefined()
    directory.update([note('a', 'Plan', '2026-01-01')], true)
    expect(directory.titleOf('a')).toBe('Plan')
    expect(directory.titleOf('gone')).toBeNull()
  })

  it('offers the notes not in the Trash, most recently edited first', () => {
    const { directory } = directoryWith(
      note('a', 'Old', '2026-01-01'),
      note('b', 'Binned', '2026-03-01', '2026-03-02'),
      note('c', '회의록', '2026-02-01'),
    )
    expect(directory.notes().map((n) => n.id)).toEqual(['c', 'a'])
  })

  it('tells links when a change renames or removes a note, not when it saves only a body', () => {
    const { directory, told } = directoryWith(
      note('a', 'Plan', '2026-01-01'),
      note('b', 'Trip', '2026-01-02'),
    )
    const afterLoad = told()
    directory.patch({ summaries: [note('a', 'Plan', '2026-01-03')], removed: [] })
    expect(told()).toBe(afterLoad)
    directory.patch({ summaries: [note('a', 'Plan 2027', '2026-01-04')], removed: [] })
    expect(told()).toBe(afterLoad + 1)
    expect(directory.titleOf('a')).toBe('Plan 2027')
    directory.patch({ summaries: [note('c', '회의록', '2026-01-05')], removed: ['b'] })
    expect(told()).toBe(afterLoad + 2)
    expect(directory.titleOf('b')).toBeNull()
    expect(directory.titleOf('c')).toBe('회의록')
  })

  it('offers the latest list to the picker, newest first, after a save moved a note', () => {
    const { directory } = directoryWith(note('a', 'Plan', '2026-01-01'), note('b', 'Trip', '2026-01-02'))
    expect(directory.notes().map((n) => n.id)).toEqual(['b', 'a'])
    directory.update([note('a', 'Plan', '2026-01-03'), note('b', 'Trip', '2026-01-02')], true)
    expect(directory.notes().map((n) => n.id)).toEqual(['a', 'b'])
  })

  it('forgets titles while the list reloads, and reads them all again once it has', () => {
    const { directory, told } = directoryWith(note('a', 'Plan', '2026-01-01'))
    const before = told()
    directory.update([], false)
    expect(directory.titleOf('a')).toBeUndefined()
    directory.patch({ summaries: [note('a', 'Ignored', '2026-01-02')], removed: [] })
    directory.update([note('z', 'Plan', '2026-01-01')], true)
    expect(told()).toBe(before + 2)
    expect(directory.titleOf('a')).toBeNull()
    expect(directory.titleOf('z')).toBe('Plan')
  })
})
