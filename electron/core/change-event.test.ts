import { describe, expect, it } from 'vitest'
import { changedEvent } from './change-event'
import { openLibrary } from './library'
import { paragraph, useTempDirs } from './test-support/temp-dir'
import type { EventPayload } from '../shared/contract'

const tempDir = useTempDirs()

describe('library.changed', () => {
  it('carries the written notes’ new rows and the removed ids, so a window patches its list', async () => {
    const lib = await openLibrary(tempDir())
    const events: EventPayload<'library.changed'>[] = []
    lib.onChange((change) => events.push(changedEvent(change)))
    const note = await lib.createNote({ title: 'Call Kim', doc: paragraph('about the quote') })
    await lib.updateNote(note.id, { doc: paragraph('quote sent') })
    await lib.deleteNoteForever(note.id)
    await lib.createNotebook('Clients')
    expect(events.map((e) => e.summaries.map((s) => [s.title, s.revision, s.snippet]))).toEqual([
      [['Call Kim', 1, 'about the quote']],
      [['Call Kim', 2, 'quote sent']],
      [],
      [],
    ])
    expect(events.map((e) => [e.removed, e.notebooks])).toEqual([
      [[], false],
      [[], false],
      [[note.id], false],
      [[], true],
    ])
    await lib.close()
  })
})
