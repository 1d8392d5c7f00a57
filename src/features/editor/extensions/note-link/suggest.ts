import type { EditorState } from '@tiptap/pm/state'

/** The `[[words` being typed before the caret, which the "Link to note" popup completes. */
export interface LinkQuery {
  /** Where `[[` starts and the caret is: the range a chosen link replaces. */
  from: number
  to: number
  query: string
}

const OPEN = /\[\[([^[\]\n]{0,100})$/

/** The query at the caret, or null: the selection must be a caret, outside code, after `[[` in the same block. */
export function linkQueryAt(state: EditorState): LinkQuery | null {
  const { selection } = state
  if (!selection.empty) return null
  const { $from } = selection
  const parent = $from.parent
  if (!parent.isTextblock || parent.type.spec.code) return null
  if ($from.marks().some((mark) => mark.type.spec.code)) return null
  // Other inline nodes (links, files) read as one character that the pattern cannot cross.
  const before = parent.textBetween(0, $from.parentOffset, undefined, '\ufffc')
  const match = OPEN.exec(before)
  if (!match) return null
  return { from: $from.pos - match[0].length, to: $from.pos, query: match[1]!.trimStart() }
}
