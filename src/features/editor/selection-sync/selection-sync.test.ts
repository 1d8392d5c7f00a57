import { type Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { testEditors } from '../testing/test-editor'

const newEditor = testEditors()

function makeEditor(html: string): Editor {
  const editor = newEditor(html)
  editor.view.focus()
  return editor
}

/** The browser moving the caret (End, a click): the DOM selection changes before ProseMirror hears of it. */
function moveDomCaretToEnd(e: Editor): void {
  const walker = document.createTreeWalker(e.view.dom, NodeFilter.SHOW_TEXT)
  let last: Node | null = null
  while (walker.nextNode()) last = walker.currentNode
  document.getSelection()!.collapse(last, last!.textContent!.length)
}

const press = (e: Editor, key: string, keyCode: number) =>
  e.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, keyCode, bubbles: true, cancelable: true }))

describe('keys act on the selection on screen', () => {
  it('Enter right after End splits after the words instead of replacing the old selection', () => {
    const e = makeEditor('<p>Contract draft</p>')
    e.commands.setTextSelection({ from: 1, to: 15 })
    moveDomCaretToEnd(e)

    press(e, 'Enter', 13)

    expect(e.getJSON().content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Contract draft' }] },
      { type: 'paragraph' },
    ])
  })

  it('leaves a node selection alone (an image or a table cell is not a caret in text)', () => {
    const e = makeEditor('<p>Before</p><hr><p>After</p>')
    e.commands.setNodeSelection(8)
    const before = e.state.selection.toJSON()

    press(e, 'Shift', 16)

    expect(e.state.selection.toJSON()).toEqual(before)
  })
})
