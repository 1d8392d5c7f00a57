import i18next from 'i18next'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import type { MethodInput } from '../../../electron/shared/contract'
import type { NoteDoc } from '../../../electron/shared/model'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, until } from '../../test/dom'
import { LinkedFrom } from './LinkedFrom'

const dom = mountPerTest()
const openApi = realApiPerTest()

const linkTo = (id: string, title: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'noteLink', attrs: { id, title, label: null } }] }],
})

/** The real core, with "Linked from"'s calls counted; its own change events tell the window what a write changed. */
async function setUp() {
  const real = await openApi()
  const target = await real.api.notes.create({ title: 'Target' })
  const linking = await real.api.notes.create({ title: 'Linking', doc: linkTo(target.id, 'Target') })
  const other = await real.api.notes.create({ title: 'Other' })
  let asks = 0
  let fail = false
  const backlinks = real.api.notes.backlinks
  real.api.notes.backlinks = (input) => {
    asks++
    if (!fail) return backlinks(input)
    fail = false
    return Promise.reject(new Error('the index is unavailable'))
  }
  const update = (input: MethodInput<'notes.update'>) =>
    act(async () => void (await real.api.notes.update(input)))
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={real.api}>
        <LinkedFrom noteId={target.id} onOpen={() => undefined} />
      </ApiContext.Provider>,
    ),
  )
  await until(() => dom.container.textContent?.includes('Linking'))
  return { real, target, linking, other, update, asks: () => asks, failNextAsk: () => (fail = true) }
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)))

describe('LinkedFrom', () => {
  it('heads its list with how many notes link here, said once, in English and Korean', async () => {
    await setUp()
    const heading = () => dom.container.querySelector('h2')?.textContent
    expect(heading()).toBe('Linked from 1 note')
    await act(async () => void (await i18next.changeLanguage('ko')))
    try {
      expect(heading()).toBe('이 노트를 링크한 노트 1개')
    } finally {
      await act(async () => void (await i18next.changeLanguage('en')))
    }
  })

  it('does not ask again when a change cannot alter its list: the note itself or an unrelated one saved', async () => {
    const { target, other, update, asks } = await setUp()
    expect(asks()).toBe(1)
    await update({ id: target.id, title: 'Target, edited' })
    await update({ id: other.id, title: 'Other, edited' })
    await settle()
    expect(asks()).toBe(1)
  })

  it('asks again when a written note now links here, and shows it', async () => {
    const { target, other, update, asks } = await setUp()
    await update({ id: other.id, doc: linkTo(target.id, 'Target') })
    await until(() => dom.container.textContent?.includes('Other'))
    expect(asks()).toBe(2)
  })

  it('asks again when a note it shows is written, even one that dropped its link', async () => {
    const { linking, update, asks } = await setUp()
    await update({ id: linking.id, doc: { type: 'doc', content: [] } })
    await until(() => !dom.container.textContent?.includes('Linking'))
    expect(asks()).toBe(2)
  })

  it('asks again when a note it shows is removed from the library', async () => {
    const { real, linking, asks } = await setUp()
    // The removal as the library tells it when a note's file is gone (deleted on another computer, or
    // behind the app's back): only its id, in `removed`.
    await act(async () =>
      real.emit('library.changed', {
        noteIds: [linking.id],
        notebooks: false,
        summaries: [],
        removed: [linking.id],
      }),
    )
    await settle()
    expect(asks()).toBe(2)
  })

  it('drops a note from the list when it goes to the Trash, and does not ask again when it is deleted for good', async () => {
    const { real, linking, asks } = await setUp()
    await act(async () => void (await real.api.notes.trash({ ids: [linking.id] })))
    await act(async () => void (await real.api.notes.deleteForever({ ids: [linking.id] })))
    await until(() => !dom.container.textContent?.includes('Linking'))
    expect(asks()).toBe(2)
  })

  it('after a failed ask, tries again on the next change of any note', async () => {
    const { linking, other, update, asks, failNextAsk } = await setUp()
    failNextAsk()
    await update({ id: linking.id, title: 'Linking, renamed' })
    await until(() => dom.container.querySelector('[role="alert"]'))
    await update({ id: other.id, title: 'Other, edited' })
    await until(() => dom.container.textContent?.includes('Linking, renamed'))
    expect(asks()).toBe(3)
  })
})
