import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { keyForNativeBreak, type DeferredKey } from './deferred-key'

/** How long to wait for ProseMirror to read a finished composition into its state before giving up. */
const SETTLE_LIMIT_MS = 500

/**
 * Keeps Korean (and other IME) input whole around Enter and Tab (TipTap #4108). While a syllable is being
 * composed, ProseMirror ignores key events, so Enter reaches the browser, which splits the paragraph
 * natively; ProseMirror then re-reads the DOM and the syllable being composed is lost or doubled. Here the
 * native split is cancelled and the editor's own Enter (split the list item, the task item, the block) or
 * Tab (indent the list item) runs once the composed text is safely in the document.
 */
export const ImeGuard = Extension.create({
  name: 'imeGuard',
  addProseMirrorPlugins() {
    const editor = this.editor
    const runWhenSettled = (view: EditorView, key: DeferredKey, started = Date.now()) => {
      if (editor.isDestroyed) return
      if (view.composing && Date.now() - started < SETTLE_LIMIT_MS) {
        setTimeout(() => runWhenSettled(view, key, started), 10)
        return
      }
      editor.commands.keyboardShortcut(key)
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
              // Let the composition end (and ProseMirror read it) first, then split where the caret is.
              setTimeout(() => runWhenSettled(view, key), 0)
              return true
            },
            keydown: (view, event) => {
              // Tab while composing would move focus out of the editor and commit the syllable elsewhere.
              if (event.key !== 'Tab' || !(event.isComposing || view.composing)) return false
              event.preventDefault()
              setTimeout(() => runWhenSettled(view, event.shiftKey ? 'Shift-Tab' : 'Tab'), 0)
              return true
            },
          },
        },
      }),
    ]
  },
})
