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

  it('tells links when a title changes or a note goes, not when only a body was saved', () => {
    const { directory, told } = directoryWith(
      note('a', 'Plan', '2026-01-01'),
      note('b', 'Trip', '2026-01-02'),
    )
    const afterLoad = told()
    // A body save: the note moves to the top with a new time, its title the same.
    directory.update([note('a', 'Plan', '2026-01-03'), note('b', 'Trip', '2026-01-02')], true)
    expect(told()).toBe(afterLoad)
    expect(directory.notes().map((n) => n.id)).toEqual(['a', 'b'])
    directory.update([note('a', 'Plan 2027', '2026-01-04'), note('b', 'Trip', '2026-01-02')], true)
    expect(told()).toBe(afterLoad + 1)
    expect(directory.titleOf('a')).toBe('Plan 2027')
    directory.update([note('a', 'Plan 2027', '2026-01-04')], true)
    expect(told()).toBe(afterLoad + 2)
    expect(directory.titleOf('b')).toBeNull()
  })

  it('sees a swap of notes with the same count as a change', () => {
    const { directory, told } = directoryWith(note('a', 'Plan', '2026-01-01'))
    const before = told()
    directory.update([note('z', 'Plan', '2026-01-01')], true)
    expect(told()).toBe(before + 1)
    expect(directory.titleOf('a')).toBeNull()
    expect(directory.titleOf('z')).toBe('Plan')
  })
})
