import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { summaryOf } from '../../../electron/shared/domain/notes'
import type { Note, NoteDoc } from '../../../electron/shared/model'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, until } from '../../test/dom'
import { createFakeTickler } from '../../test/fake-tickler'
import { LinkedFrom } from './LinkedFrom'

const dom = mountPerTest()

const linkTo = (id: string, title: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'noteLink', attrs: { id, title } }] }],
})

/** The fake, with "Linked from"'s calls counted, and a way to tell the window what a write changed. */
async function setUp() {
  const fake = createFakeTickler()
  const target = await fake.api.notes.create({ title: 'Target' })
  const linking = await fake.api.notes.create({ title: 'Linking', doc: linkTo(target.id, 'Target') })
  const other = await fake.api.notes.create({ title: 'Other' })
  let asks = 0
  let fail = false
  const backlinks = fake.api.notes.backlinks
  fake.api.notes.backlinks = (input) => {
    asks++
    if (!fail) return backlinks(input)
    fail = false
    return Promise.reject(new Error('the index is unavailable'))
  }
  // As core tells it: each written row carries the ids its document links to (the fake leaves them out).
  const changed = (note: Note, links: string[]) =>
    fake.emit('library.changed', {
      noteIds: [note.id],
      notebooks: false,
      summaries: [summaryOf(note, links)],
      removed: [],
    })
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={fake.api}>
        <LinkedFrom noteId={target.id} onOpen={() => undefined} />
      </ApiContext.Provider>,
    ),
  )
  await until(() => dom.container.textContent?.includes('Linking'))
  return { fake, target, linking, other, changed, asks: () => asks, failNextAsk: () => (fail = true) }
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)))

describe('LinkedFrom', () => {
  it('does not ask again when a change cannot alter its list: the note itself or an unrelated one saved', async () => {
    const { target, other, changed, asks } = await setUp()
    expect(asks()).toBe(1)
    await act(async () => changed({ ...target, title: 'Target, edited', revision: 2 }, []))
    await act(async () => changed({ ...other, title: 'Other, edited', revision: 2 }, []))
    await settle()
    expect(asks()).toBe(1)
  })

  it('asks again when a written note now links here, and shows it', async () => {
    const { fake, target, other, changed, asks } = await setUp()
    const now = await act(async () =>
      fake.api.notes.update({ id: other.id, doc: linkTo(target.id, 'Target') }),
    )
    await act(async () => changed(now, [target.id]))
    await until(() => dom.container.textContent?.includes('Other'))
    expect(asks()).toBe(2)
  })

  it('asks again when a note it shows is written, even one that dropped its link', async () => {
    const { fake, linking, changed, asks } = await setUp()
    const now = await act(async () =>
      fake.api.notes.update({ id: linking.id, doc: { type: 'doc', content: [] } }),
    )
    await act(async () => changed(now, []))
    await until(() => !dom.container.textContent?.includes('Linking'))
    expect(asks()).toBe(2)
  })

  it('asks again when a note it shows is removed from the library', async () => {
    const { fake, linking, asks } = await setUp()
    fake.notes.delete(linking.id)
    await act(async () =>
      fake.emit('library.changed', {
        noteIds: [linking.id],
        notebooks: false,
        summaries: [],
        removed: [linking.id],
      }),
    )
    await until(() => !dom.container.textContent?.includes('Linking'))
    expect(asks()).toBe(2)
  })

  it('after a failed ask, tries again on the next change of any note', async () => {
    const { linking, other, changed, asks, failNextAsk } = await setUp()
    failNextAsk()
    await act(async () => changed({ ...linking, title: 'Linking, renamed', revision: 2 }, []))
    await until(() => dom.container.querySelector('[role="alert"]'))
    await act(async () => changed({ ...other, title: 'Other, edited', revision: 2 }, []))
    await until(() => dom.container.textContent?.includes('Linking'))
    expect(asks()).toBe(3)
  })
})
