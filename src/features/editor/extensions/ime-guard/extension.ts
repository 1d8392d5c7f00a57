import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { keyForNativeBreak, type DeferredKey } from './deferred-key'

/** If an IME never reports the end of its composition, the held key still runs after this long. */
const FALLBACK_MS = 1000

/**
 * Keeps Korean (and other IME) input whole around Enter and Tab (TipTap #4108). While a syllable is being
 * composed, ProseMirror ignores key events, so Enter reaches the browser, which splits the paragraph
 * natively; ProseMirror then re-reads the DOM and the syllable being composed is lost or doubled. Here the
 * native split is cancelled and the editor's own Enter (split the list item, the task item, the block) or
 * Tab (indent the list item) runs as soon as the composition has ended and its text is in the document,
 * before the next syllable can start.
 */
export const ImeGuard = Extension.create({
  name: 'imeGuard',
  addProseMirrorPlugins() {
    const editor = this.editor
    let pending: DeferredKey | null = null
    let fallback: ReturnType<typeof setTimeout> | undefined

    const runPending = () => {
      clearTimeout(fallback)
      const key = pending
      pending = null
      if (key && !editor.isDestroyed) editor.commands.keyboardShortcut(key)
    }
    const hold = (view: EditorView, key: DeferredKey) => {
      pending = key
      clearTimeout(fallback)
      if (view.composing) fallback = setTimeout(runPending, FALLBACK_MS)
      // The composition already ended (Windows order: commit, then the break): run once ProseMirror has read it.
      else setTimeout(runPending, 0)
    }

    return [
      new Plugin({
        key: new PluginKey('imeGuard'),
        props: {
          handleDOMEvents: {
            beforeinput: (view, event) => {
              const key = keyForNativeBreak(event.inputType)
              if (!key) return false
              event.preventDefault()
              hold(view, key)
              return true
            },
            keydown: (view, event) => {
              // Tab while composing would move focus out of the editor and commit the syllable elsewhere.
              if (event.key !== 'Tab' || !(event.isComposing || view.composing)) return false
              event.preventDefault()
              hold(view, event.shiftKey ? 'Shift-Tab' : 'Tab')
              return true
            },
            compositionend: () => {
              // ProseMirror's own compositionend handler (which runs after this one) reads the committed
              // syllable in a microtask. Queuing twice lands right after that read and before any next
              // input task, so a fast next syllable cannot slip in ahead of the split (a timer would lose).
              if (pending) queueMicrotask(() => queueMicrotask(runPending))
              return false
            },
          },
        },
        view: () => ({ destroy: () => clearTimeout(fallback) }),
      }),
    ]
  },
})
