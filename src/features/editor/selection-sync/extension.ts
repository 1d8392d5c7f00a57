import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Makes the editor's selection the one the user sees. ProseMirror learns of a new DOM selection from the
 * `selectionchange` event, which the browser delivers a task later — and on a busy page after the next
 * key event, which it ranks higher. A key or a shortcut handled in between acts on the old selection:
 * End then Enter replaced the words End had just left, and a link form opened on the old caret.
 */
export function syncSelectionFromDom(view: EditorView): void {
  const dom = view.dom.ownerDocument.getSelection()
  const { selection, doc } = view.state
  if (!dom?.anchorNode || !dom.focusNode || !(selection instanceof TextSelection)) return
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    head = view.posAtDOM(dom.focusNode, dom.focusOffset)
  } catch {
    return // a DOM position ProseMirror does not map (inside a widget): keep its own selection
  }
  if (anchor === selection.anchor && head === selection.head) return
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))))
}

/** Before any key binding runs, the selection is brought up to date with the screen. */
export const SelectionSync = Extension.create({
  name: 'selectionSync',
  // Ahead of every keymap: they all read the selection.
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionSync'),
        props: {
          handleKeyDown: (view) => {
            if (view.hasFocus()) syncSelectionFromDom(view)
            return false
          },
        },
      }),
    ]
  },
})
