import type { Editor } from '@tiptap/core'
import { DOMParser, type Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { testEditors } from '../../testing/test-editor'
import { checkpoint, confirmCheckpoint, mergeRemote, RemoteMerge } from './extension'

const newEditor = testEditors([RemoteMerge])

/** A version another writer stored, in the editor's schema. */
function stored(editor: Editor, html: string): Node {
  const el = document.createElement('div')
  el.innerHTML = html
  return DOMParser.fromSchema(editor.schema).parse(el)
}

/** The user typing `text` right after the first occurrence of `after`. */
function typeAfter(editor: Editor, after: string, text: string): void {
  const at = positionAfter(editor, after)
  editor.view.dispatch(editor.state.tr.insertText(text, at))
}

function positionAfter(editor: Editor, words: string): number {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return
    const i = node.text!.indexOf(words)
    if (i >= 0) found = pos + i + words.length
  })
  if (found < 0) throw new Error(`"${words}" is not in the note`)
  return found
}

const merge = (editor: Editor, html: string) => {
  const { tr, same } = mergeRemote(editor.state, stored(editor, html))
  editor.view.dispatch(tr)
  return same
}

const paragraphs = (editor: Editor) => {
  const list: string[] = []
  editor.state.doc.forEach((node) => list.push(node.textContent))
  return list
}

describe('a remote change reaches the open editor as a merge', () => {
  it('keeps edits far apart from both sides', () => {
    const e = newEditor('<p>Alpha one</p><p>Beta two</p><p>Gamma three</p>')
    typeAfter(e, 'Alpha one', ' and mine')

    const same = merge(e, '<p>Alpha one</p><p>Beta two</p><p>Gamma three, theirs</p><p>Delta</p>')

    expect(paragraphs(e)).toEqual(['Alpha one and mine', 'Beta two', 'Gamma three, theirs', 'Delta'])
    expect(same).toBe(false)
  })

  it('merges both sides typing in the same paragraph character by character', () => {
    const e = newEditor('<p>The quick fox</p>')
    typeAfter(e, 'The ', 'very ')

    merge(e, '<p>A quick fox jumps</p>')

    expect(paragraphs(e)).toEqual(['A very quick fox jumps'])
  })

  it('keeps Korean typed beside a remote edit of the same sentence', () => {
    const e = newEditor('<p>회의 내용 정리</p>')
    typeAfter(e, '회의', ' 후')

    merge(e, '<p>회의 내용 정리 완료</p>')

    expect(paragraphs(e)).toEqual(['회의 후 내용 정리 완료'])
  })

  it('removes what the other side deleted, but never what this side typed', () => {
    const e = newEditor('<p>Keep</p><p>Drop this</p><p>Edited here</p><p>One two three</p>')
    typeAfter(e, 'Edited', ' (mine)')
    typeAfter(e, 'One tw', 'X')

    merge(e, '<p>Keep</p><p>One three</p>')

    // "Drop this" went; the paragraph the user typed in stays; "two " went but the X typed inside it did not.
    expect(paragraphs(e)).toEqual(['Keep', 'Edited (mine) here', 'One Xthree'])
  })

  it('shows exactly the stored version when the user has not typed since the base', () => {
    const e = newEditor(
      '<p>Plan</p><ul data-type="taskList"><li data-type="taskItem" data-checked="false"><p>Call</p></li></ul>',
    )
    const incoming = stored(
      e,
      '<h2>Plan</h2><ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>Call <strong>Kim</strong></p></li></ul><p>New</p>',
    )

    const { tr, same } = mergeRemote(e.state, incoming)
    e.view.dispatch(tr)

    expect(e.state.doc.eq(incoming)).toBe(true)
    expect(same).toBe(true)
  })

  it('keeps the caret after what the user typed', () => {
    const e = newEditor('<p>Hello world</p>')
    typeAfter(e, 'Hello', ' there')
    const caret = positionAfter(e, 'Hello there')
    e.commands.setTextSelection(caret)

    merge(e, '<p>Well, Hello world!</p>')

    expect(paragraphs(e)).toEqual(['Well, Hello there world!'])
    expect(e.state.selection.from).toBe(positionAfter(e, 'Hello there'))
  })

  it('is left out of the undo history: Ctrl+Z undoes the user’s own typing only', () => {
    const e = newEditor('<p>First</p><p>Second</p>')
    typeAfter(e, 'First', ' mine')

    merge(e, '<p>Theirs</p><p>First</p><p>Second</p>')
    e.commands.undo()

    expect(paragraphs(e)).toEqual(['Theirs', 'First', 'Second'])
    expect(e.commands.undo()).toBe(false)
  })

  it('diffs against the last saved version, so typing already saved is not counted twice', () => {
    const e = newEditor('<p>Notes</p>')
    typeAfter(e, 'Notes', ' A')
    const saved = checkpoint(e.state)
    typeAfter(e, 'Notes A', ' B')
    e.view.dispatch(confirmCheckpoint(e.state, saved)!)

    // The other writer started from the saved "Notes A".
    merge(e, '<p>Notes A</p><p>C</p>')

    expect(paragraphs(e)).toEqual(['Notes A B', 'C'])
  })

  it('takes a second remote change on top of the first and of more typing', () => {
    const e = newEditor('<p>one</p>')
    typeAfter(e, 'one', ' two')
    merge(e, '<p>zero one</p>')
    typeAfter(e, 'two', ' three')

    // The second writer's version builds on the first one's, which never saw this side's words.
    merge(e, '<p>zero one</p><p>four</p>')

    expect(paragraphs(e)).toEqual(['zero one two three', 'four'])
  })

  it('ignores a save read before a merge (its document is not the base any more)', () => {
    const e = newEditor('<p>one</p>')
    typeAfter(e, 'one', ' two')
    const before = checkpoint(e.state)
    merge(e, '<p>one</p><p>theirs</p>')

    expect(confirmCheckpoint(e.state, before)).toBeNull()
  })
})
