import { act } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { mountPerTest, until } from '../test/dom'
import { createFakeTickler } from '../test/fake-tickler'
import { App } from './App'

const dom = mountPerTest()

/** The note's save state; other parts of the window (export, import) have status lines of their own. */
const saveStatus = () => dom.container.querySelector('.save-status [role="status"]')

const byLabel = <T extends HTMLElement>(label: string) =>
  dom.container.querySelector<T>(`[aria-label="${label}"]`)
const buttonNamed = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.replace('+', '').trim() === name)

/** What a keystroke does to a controlled input: set the DOM value, then fire the event React listens to. */
function typeInto(input: HTMLInputElement, value: string) {
  // React watches the instance's value property; the prototype's setter changes the DOM behind its back.
  Reflect.set(HTMLInputElement.prototype, 'value', value, input)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('Shell', () => {
  // The window keeps its place for a reload (sessionStorage); each test starts as a fresh window.
  beforeEach(() => sessionStorage.clear())
  it('creates a note in the current notebook, focuses its title and autosaves the title', async () => {
    const fake = createFakeTickler()
    await act(async () => dom.root.render(<App api={fake.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))

    await act(async () => buttonNamed('New note')?.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    expect(document.activeElement).toBe(title)
    expect(fake.calls.find((c) => c.method === 'notes.create')?.input).toEqual({ notebookId: 'inbox' })
    expect(byLabel('Note body')?.getAttribute('role')).toBe('textbox')

    await act(async () => typeInto(title, 'Groceries'))
    await until(() => saveStatus()?.textContent === 'Saved')
    const update = fake.calls.find((c) => c.method === 'notes.update')?.input
    expect(update).toMatchObject({ id: 'n1', title: 'Groceries', baseRevision: 1 })
    await until(() => dom.container.querySelector('[role="option"]')?.textContent?.includes('Groceries'))
  })

  it('saves a pending edit into the note it was typed in when another note is opened', async () => {
    const fake = createFakeTickler()
    const first = await fake.api.notes.create({ title: 'First' })
    await fake.api.notes.create({ title: 'Second' })
    await act(async () => dom.root.render(<App api={fake.api} />))
    const rows = await until(() => {
      const found = dom.container.querySelectorAll<HTMLElement>('[role="option"]')
      return found.length === 2 ? found : null
    })
    const firstRow = [...rows].find((row) => row.textContent?.includes('First'))
    await act(async () => firstRow?.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    await act(async () => typeInto(title, 'First, edited'))

    // Switch before the debounce fires: the edit must still land in "First".
    const secondRow = [...dom.container.querySelectorAll<HTMLElement>('[role="option"]')].find((row) =>
      row.textContent?.includes('Second'),
    )
    await act(async () => secondRow?.click())
    await until(() => byLabel<HTMLInputElement>('Title')?.value === 'Second')
    await until(() => fake.notes.get(first.id)?.title === 'First, edited')
    const updates = fake.calls.filter((c) => c.method === 'notes.update').map((c) => c.input)
    expect(updates).toEqual([expect.objectContaining({ id: first.id, title: 'First, edited' })])
  })

  it('shows a failed save with its reason and saves it on retry', async () => {
    const fake = createFakeTickler()
    await fake.api.notes.create({ title: 'Draft' })
    await act(async () => dom.root.render(<App api={fake.api} />))
    const row = await until(() => dom.container.querySelector<HTMLElement>('[role="option"]'))
    await act(async () => row.click())
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    fake.failNextSaves(1)
    await act(async () => typeInto(title, 'Draft v2'))
    await until(() => saveStatus()?.textContent === 'Save failed: the disk is full')
    await act(async () => buttonNamed('Retry')?.click())
    await until(() => saveStatus()?.textContent === 'Saved')
    expect([...fake.notes.values()][0]?.title).toBe('Draft v2')
  })

  it('opens the note named by a note.open event, switching to All notes if it lives elsewhere', async () => {
    const fake = createFakeTickler()
    const work = await fake.api.notebooks.create({ name: 'Work' })
    const note = await fake.api.notes.create({ title: 'Elsewhere', notebookId: work.id })
    await act(async () => dom.root.render(<App api={fake.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => fake.emit('note.open', { id: note.id }))
    await until(() => byLabel<HTMLInputElement>('Title')?.value === 'Elsewhere')
    await until(() => dom.container.querySelector('h1')?.textContent === 'All notes')
  })

  it('creates a note when the app menu sends note.new, and focuses its title', async () => {
    const fake = createFakeTickler()
    await act(async () => dom.root.render(<App api={fake.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => fake.emit('note.new', {}))
    await until(() => fake.notes.size === 1)
    await until(() => document.activeElement === byLabel<HTMLInputElement>('Title'))
  })

  it('saves a pending edit when the app asks to flush, and only then answers', async () => {
    const fake = createFakeTickler()
    await act(async () => dom.root.render(<App api={fake.api} />))
    await until(() => dom.container.textContent?.includes('No notes here yet'))
    await act(async () => fake.emit('note.new', {}))
    const title = await until(() => byLabel<HTMLInputElement>('Title'))
    await act(async () => {
      // React tracks the input's value itself; setting it through the prototype makes the change visible.
      const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')
      descriptor?.set?.call(title, 'Typed just before quitting')
      title.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await act(async () => fake.emit('app.flush', { requestId: 'flush-1' }))
    await until(() => fake.flushedRequests.includes('flush-1'))
    expect([...fake.notes.values()][0]?.title).toBe('Typed just before quitting')
  })
})
