import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../electron/core/test-support/real-api'
import { mountPerTest, typeInto, until } from '../test/dom'
import { App } from './App'

const dom = mountPerTest()
const openApi = realApiPerTest()

/** The note's save state; other parts of the window (export, import) have status lines of their own. */
const saveStatus = () => dom.container.querySelector('.save-status [role="status"]')

const byLabel = <T extends HTMLElement>(label: string) =>
  dom.container.querySelector<T>(`[aria-label="${label}"]`)
const buttonNamed = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.replace('+', '').trim() === name)

describe('Shell', () => {
  // The window keeps its place for a reload (sessionStorage); each test starts as a fresh window.
  beforeEach(() => sessionStorage.clear())
  it('creates a note in the current notebook, focuses its title and autosaves the title', async () => {
    const real = await openApi()
    await act(async () => dom.root.render(<App api={real.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))

    await act(async () => buttonNamed('New note')?.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    expect(document.activeElement).toBe(title)
    expect(real.calls.find((c) => c.method === 'notes.create')?.input).toEqual({ notebookId: 'inbox' })
    expect(byLabel('Note body')?.getAttribute('role')).toBe('textbox')

    await typeInto(title, 'Groceries')
    await until(() => saveStatus()?.textContent === 'Saved')
    const update = real.calls.find((c) => c.method === 'notes.update')?.input
    const [created] = await real.api.notes.list({})
    expect(update).toMatchObject({ id: created!.id, title: 'Groceries', baseRevision: 1 })
    await until(() => dom.container.querySelector('[role="option"]')?.textContent?.includes('Groceries'))
  })

  it('saves a pending edit into the note it was typed in when another note is opened', async () => {
    const real = await openApi()
    const first = await real.api.notes.create({ title: 'First' })
    await real.api.notes.create({ title: 'Second' })
    await act(async () => dom.root.render(<App api={real.api} />))
    const rows = await until(() => {
      const found = dom.container.querySelectorAll<HTMLElement>('[role="option"]')
      return found.length === 2 ? found : null
    })
    const firstRow = [...rows].find((row) => row.textContent?.includes('First'))
    await act(async () => firstRow?.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    await typeInto(title, 'First, edited')

    // Switch before the debounce fires: the edit must still land in "First".
    const secondRow = [...dom.container.querySelectorAll<HTMLElement>('[role="option"]')].find((row) =>
      row.textContent?.includes('Second'),
    )
    await act(async () => secondRow?.click())
    await until(() => byLabel<HTMLInputElement>('Title')?.value === 'Second')
    expect((await real.api.notes.get({ id: first.id })).title).toBe('First, edited')
    const updates = real.calls.filter((c) => c.method === 'notes.update').map((c) => c.input)
    expect(updates).toEqual([expect.objectContaining({ id: first.id, title: 'First, edited' })])
  })

  it('shows a failed save with its reason and saves it on retry', async () => {
    const real = await openApi()
    await real.api.notes.create({ title: 'Draft' })
    await act(async () => dom.root.render(<App api={real.api} />))
    const row = await until(() => dom.container.querySelector<HTMLElement>('[role="option"]'))
    await act(async () => row.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    // One save fails as a full disk would; the retry goes to core as usual.
    vi.spyOn(real.api.notes, 'update').mockRejectedValueOnce(new Error('the disk is full'))
    await typeInto(title, 'Draft v2')
    await until(() => saveStatus()?.textContent === 'Save failed: the disk is full')
    await act(async () => buttonNamed('Retry')?.click())
    await until(() => saveStatus()?.textContent === 'Saved')
    expect((await real.api.notes.list({})).map((n) => n.title)).toEqual(['Draft v2'])
  })

  it('opens the note named by a note.open event, switching to All notes if it lives elsewhere', async () => {
    const real = await openApi()
    const work = await real.api.notebooks.create({ name: 'Work' })
    const note = await real.api.notes.create({ title: 'Elsewhere', notebookId: work.id })
    await act(async () => dom.root.render(<App api={real.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => real.emit('note.open', { id: note.id }))
    await until(() => byLabel<HTMLInputElement>('Title')?.value === 'Elsewhere')
    await until(() => dom.container.querySelector('h1')?.textContent === 'All notes')
  })

  it('creates a note when the app menu sends note.new, and focuses its title', async () => {
    const real = await openApi()
    await act(async () => dom.root.render(<App api={real.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => real.emit('note.new', {}))
    await until(() => document.activeElement === byLabel<HTMLInputElement>('Title'))
    expect(await real.api.notes.list({})).toHaveLength(1)
  })

  it('saves a pending edit when the app asks to flush, and only then answers', async () => {
    const real = await openApi()
    await act(async () => dom.root.render(<App api={real.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => real.emit('note.new', {}))
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    await typeInto(title, 'Typed just before quitting')
    await act(async () => real.emit('app.flush', { requestId: 'flush-1' }))
    await until(() =>
      real.calls.some(
        (c) => c.method === 'app.flushed' && (c.input as { requestId: string }).requestId === 'flush-1',
      ),
    )
    // Answered only after the save: the title is on disk by the time main hears "flushed".
    const flushedAt = real.calls.findIndex((c) => c.method === 'app.flushed')
    expect(real.calls.slice(0, flushedAt).some((c) => c.method === 'notes.update')).toBe(true)
    expect((await real.api.notes.list({})).map((n) => n.title)).toEqual(['Typed just before quitting'])
  })
})
