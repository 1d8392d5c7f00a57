import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { realApiPerTest } from '../../electron/core/test-support/real-api'
import type { MethodInput, MethodOutput } from '../../electron/shared/contract'
import { mountPerTest, until } from '../test/dom'
import { ApiContext } from './api-context'
import { useLibrary } from './use-library'

const dom = mountPerTest()
const openApi = realApiPerTest()

/** The real core with `count` notes, answering the list in pages of `size` rows, each only when let through. */
async function library(count: number, size: number) {
  const real = await openApi()
  for (let i = 0; i < count; i++) await real.api.notes.create({ title: `Note ${i}` })
  const page = real.api.notes.page
  const waiting: (() => void)[] = []
  let failFrom = Infinity
  let asked = 0
  real.api.notes.page = async (input: MethodInput<'notes.page'>): Promise<MethodOutput<'notes.page'>> => {
    const ask = asked++
    await new Promise<void>((resolve) => waiting.push(resolve))
    if (ask >= failFrom) throw new Error('the library went away')
    return page({ ...input, limit: size })
  }
  let notebookLists = 0
  const listNotebooks = real.api.notebooks.list
  real.api.notebooks.list = (input) => (notebookLists++, listNotebooks(input))
  let state: ReturnType<typeof useLibrary> | null = null
  function Probe() {
    state = useLibrary()
    return null
  }
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={real.api}>
        <Probe />
      </ApiContext.Provider>,
    ),
  )
  return {
    real,
    asked: () => asked,
    notebookLists: () => notebookLists,
    /** Lets the next page through and waits until it has been handled. */
    next: () => act(async () => waiting.shift()?.()),
    failFrom: (page: number) => (failFrom = page),
    state: () => state!,
  }
}

describe('useLibrary', () => {
  it('shows the first page at once, then patches the rest in as they double, not page by page', async () => {
    const { next, state } = await library(100, 10)
    const shown: number[] = []
    for (let page = 0; page < 10; page++) {
      await next()
      shown.push(state().notes.length)
    }
    await until(() => state().loaded)
    // Rows on screen after each page of ten: the first at once, then only when the gathered rows are as
    // many as those shown (each commit re-derives the whole list), and the rest with the last page.
    expect(shown).toEqual([10, 20, 20, 40, 40, 40, 40, 80, 80, 100])
    expect(new Set(state().notes.map((n) => n.title)).size).toBe(100)
  })

  it('keeps the rows that arrived when a later page fails, and says the load failed', async () => {
    const { next, failFrom, state } = await library(50, 10)
    failFrom(3)
    for (let page = 0; page < 4; page++) await next()
    await until(() => state().error)
    expect(state().error).toContain('the library went away')
    expect(state().loaded).toBe(true)
    expect(state().notes).toHaveLength(30)
  })

  it('patches a save into the list from its change event, without asking for the list again', async () => {
    const { real, next, state, asked, notebookLists } = await library(30, 10)
    for (let page = 0; page < 3; page++) await next()
    await until(() => state().loaded)
    const pagesAsked = asked()
    const listsAsked = notebookLists()
    const oldest = state().notes.at(-1)!
    await act(async () => void (await real.api.notes.update({ id: oldest.id, title: 'Edited' })))
    // The edited note moves to the top, carried by the change event alone.
    await until(() => state().notes[0]?.title === 'Edited')
    expect(state().notes).toHaveLength(30)
    expect(asked()).toBe(pagesAsked)
    expect(notebookLists()).toBe(listsAsked)
  })
})
