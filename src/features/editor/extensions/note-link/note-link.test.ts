import { type Editor } from '@tiptap/core'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { initI18n } from '../../../../lib/i18n'
import { testEditors } from '../../testing/test-editor'
import { createNoteDirectory, type UpdatableDirectory } from './directory'

const makeEditor = testEditors()

beforeAll(() => initI18n('en'))

const at = '2026-01-01T00:00:00.000Z'
const note = (id: string, title: string) => ({ id, title, updatedAt: at, trashedAt: null })

/** An editor whose links read titles from a directory the test controls, with opening recorded. */
function linkedEditor(content: Parameters<typeof makeEditor>[0] = '<p></p>') {
  const directory: UpdatableDirectory = createNoteDirectory()
  const open = vi.fn()
  directory.setOpener(open)
  directory.update([note('b', 'Trip plan'), note('k', '회의록')], true)
  const editor = makeEditor(content, { noteLinks: { directory: () => directory } })
  return { editor, directory, open }
}

const links = (e: Editor) => [...e.view.dom.querySelectorAll<HTMLAnchorElement>('a.note-link')]
const storedLinks = (e: Editor) => {
  const found: Record<string, unknown>[] = []
  e.state.doc.descendants((node) => {
    if (node.type.name === 'noteLink') found.push(node.attrs)
  })
  return found
}
// The titles plugin writes a renamed title into the document in a microtask, after the redraw.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('a link to another note', () => {
  it('is inserted by its command as a link named by the target title, which opens the target', () => {
    const { editor, open } = linkedEditor()
    expect(editor.commands.insertNoteLink({ id: 'b', title: 'Trip plan' })).toBe(true)

    expect(storedLinks(editor)).toEqual([{ id: 'b', title: 'Trip plan', label: null }])
    const [link] = links(editor)
    expect(link?.textContent).toBe('Trip plan')
    expect(link?.getAttribute('aria-disabled')).toBeNull()
    link!.click()
    expect(open).toHaveBeenCalledWith('b')
  })

  it('replaces the typed `[[words` it completes, and keeps words of its own only when they differ', () => {
    const { editor } = linkedEditor('<p>see [[trip</p>')
    editor.commands.setTextSelection(editor.state.doc.content.size - 1)
    const end = editor.state.selection.from
    editor.commands.insertNoteLink(
      { id: 'b', title: 'Trip plan', label: 'the plan' },
      { from: end - 6, to: end },
    )
    editor.commands.insertNoteLink({ id: 'k', title: '회의록', label: ' 회의록 ' })

    expect(editor.getText()).not.toContain('[[')
    expect(storedLinks(editor)).toEqual([
      { id: 'b', title: 'Trip plan', label: 'the plan' },
      { id: 'k', title: '회의록', label: null },
    ])
    expect(links(editor).map((a) => a.textContent)).toEqual(['the plan', '회의록'])
  })

  it('follows a rename of its target: shown at once, and stored for search and exports', async () => {
    const { editor, directory } = linkedEditor()
    editor.commands.insertNoteLink({ id: 'k', title: '회의록' })
    editor.commands.insertNoteLink({ id: 'b', title: 'Trip plan', label: 'the plan' })

    directory.patch({ summaries: [note('b', 'Trip plan 2027'), note('k', '주간 회의록')], removed: [] })
    expect(links(editor).map((a) => a.textContent)).toEqual(['주간 회의록', 'the plan'])
    await settle()
    expect(storedLinks(editor)).toEqual([
      { id: 'k', title: '주간 회의록', label: null },
      { id: 'b', title: 'Trip plan 2027', label: 'the plan' },
    ])
  })

  it('whose target is gone says "(note not found)", is disabled and opens nothing', () => {
    const { editor, directory, open } = linkedEditor()
    editor.commands.insertNoteLink({ id: 'b', title: 'Trip plan' })

    directory.patch({ summaries: [], removed: ['b'] })
    const [link] = links(editor)
    // Said in the words themselves, so it is both what is seen and the link's accessible name.
    expect(link?.textContent).toBe('Trip plan (note not found)')
    expect(link?.hasAttribute('aria-label')).toBe(false)
    expect(link?.getAttribute('aria-disabled')).toBe('true')
    expect(link?.classList.contains('is-missing')).toBe(true)
    link!.click()
    expect(open).not.toHaveBeenCalled()
    // The stored title is kept: the link still says what it pointed at.
    expect(storedLinks(editor)).toEqual([{ id: 'b', title: 'Trip plan', label: null }])
  })

  it('survives getJSON → setContent with its id, title and words', () => {
    const { editor } = linkedEditor()
    editor.commands.insertContent('Before ')
    editor.commands.insertNoteLink({ id: 'b', title: 'Trip plan', label: 'the plan' })
    editor.commands.insertNoteLink({ id: 'k', title: '회의록' })
    const saved = editor.getJSON()
    // The harness destroys only the last editor it made.
    editor.destroy()

    const { editor: reopened } = linkedEditor()
    reopened.commands.setContent(saved)
    expect(reopened.getJSON()).toEqual(saved)
    expect(storedLinks(reopened)).toEqual([
      { id: 'b', title: 'Trip plan', label: 'the plan' },
      { id: 'k', title: '회의록', label: null },
    ])
    expect(links(reopened).map((a) => a.textContent)).toEqual(['the plan', '회의록'])
  })

  it('`[[` offers notes; Escape closes the offer for those words, and typing `[[` again there reopens it', () => {
    const queries: (string | null)[] = []
    const e = makeEditor('<p></p>', {
      noteLinks: { onQuery: (query) => queries.push(query && query.query) },
    })
    e.commands.insertContent('[[회의')
    expect(queries.at(-1)).toBe('회의')
    expect(e.commands.dismissNoteLinkQuery()).toBe(true)
    expect(queries.at(-1)).toBeNull()
    e.commands.insertContent('록')
    expect(queries.at(-1)).toBeNull()

    const end = e.state.selection.from
    e.commands.deleteRange({ from: end - 5, to: end })
    e.commands.insertContent('[[')
    expect(queries.at(-1)).toBe('')
  })
})
