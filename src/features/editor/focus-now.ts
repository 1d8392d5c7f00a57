import type { Editor } from '@tiptap/core'

/**
 * Gives the note's text the focus now, and returns a command chain that keeps the caret in view.
 * TipTap's own `focus()` command focuses a frame later: on a busy page the user's next keys arrive first
 * and go elsewhere, and the late focus then writes back a selection the user has already moved (End,
 * then Enter, replaced the words just linked). Focusing at once leaves nothing to run late.
 */
export function focusedChain(editor: Editor) {
  if (!editor.isDestroyed && !editor.view.hasFocus()) editor.view.focus()
  return editor.chain().scrollIntoView()
}
