import type { EditorView } from '@tiptap/pm/view'

/**
 * A small alert beside the editor for attachment problems (too large, could not be stored). Owned by the
 * extension itself so the attachment feature needs no changes to the editor's React components.
 */
export class ProblemView {
  private readonly box: HTMLDivElement
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(view: EditorView) {
    this.box = document.createElement('div')
    this.box.className = 'attachment-problem'
    this.box.setAttribute('role', 'alert')
    this.box.hidden = true
    view.dom.parentElement?.prepend(this.box)
  }

  show(messages: string[]): void {
    if (messages.length === 0) return
    this.box.textContent = messages.join(' ')
    this.box.hidden = false
    clearTimeout(this.timer)
    // Long enough to read a sentence or two; it stays in the DOM (hidden) so screen readers got it once.
    this.timer = setTimeout(() => (this.box.hidden = true), 12_000)
  }

  destroy(): void {
    clearTimeout(this.timer)
    this.box.remove()
  }
}
