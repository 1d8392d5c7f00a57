import { type Editor } from '@tiptap/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { testEditors } from './testing/test-editor'
import { holdLinkTarget, releaseLinkTarget } from './safe-link'
import { applyLink } from './url-commands'

// Frames are held so the test decides when they run: a busy page runs them late, after the user's next key.
let frames: FrameRequestCallback[] = []
let form: HTMLInputElement

beforeEach(() => {
  frames = []
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback))
  form = document.body.appendChild(document.createElement('input'))
})
afterEach(() => vi.unstubAllGlobals())

const newEditor = testEditors()
const makeEditor = (text: string) => newEditor(`<p>${text}</p>`)

/** What the browser does on End: the DOM caret moves, and ProseMirror hears of it a task later. */
function pressEndInDom(e: Editor): void {
  const walker = document.createTreeWalker(e.view.dom, NodeFilter.SHOW_TEXT)
  let text: Node | null = null
  while (walker.nextNode()) text = walker.currentNode
  document.getSelection()!.collapse(text, text!.textContent!.length)
}

describe('applying a link from its form', () => {
  it('gives the text its focus at once, so a key pressed right after lands in the note', () => {
    const e = makeEditor('Contract draft')
    e.commands.setTextSelection({ from: 1, to: 15 })
    holdLinkTarget(e, true)
    form.focus()

    expect(applyLink(e, 'example.com/contract')).toBe(true)
    releaseLinkTarget(e, true)

    expect(document.activeElement).toBe(e.view.dom)
    expect(e.getHTML()).toContain('href="https://example.com/contract"')
  })

  it('leaves no late focus that would put back the selection the user has since moved', () => {
    const e = makeEditor('Contract draft')
    e.commands.setTextSelection({ from: 1, to: 15 })
    holdLinkTarget(e, true)
    form.focus()
    applyLink(e, 'example.com/contract')
    releaseLinkTarget(e, true)

    pressEndInDom(e)
    for (const frame of frames.splice(0)) frame(0)
    document.dispatchEvent(new Event('selectionchange'))

    // The caret is where End put it, so Enter splits after the words instead of replacing them.
    expect(e.state.selection.empty).toBe(true)
    expect(e.state.selection.from).toBe(15)
  })
})
