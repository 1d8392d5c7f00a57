import { Extension, getMarkRange, type Editor } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { syncSelectionFromDom } from '../selection-sync'

export interface Range {
  from: number
  to: number
}

const key = new PluginKey<Range | null>('linkTarget')

/**
 * The words a link form is about, held from the moment it opens until it closes: mapped through any edit
 * made meanwhile, and drawn highlighted, because the editor's own selection is hidden (and may move) while
 * focus is in the form. Applying the link uses this range, never whatever the selection has become.
 */
export const LinkTarget = Extension.create({
  name: 'linkTarget',
  addProseMirrorPlugins() {
    return [
      new Plugin<Range | null>({
        key,
        state: {
          init: () => null,
          apply: (tr, range) => {
            const meta = tr.getMeta(key) as { range: Range | null } | undefined
            if (meta) return meta.range
            if (!range || !tr.docChanged) return range
            // Text typed at either edge stays outside the held words; a caret stays one position.
            const from = tr.mapping.map(range.from, 1)
            const to = range.to === range.from ? from : Math.max(from, tr.mapping.map(range.to, -1))
            return { from, to }
          },
        },
        props: {
          decorations: (state) => {
            const range = key.getState(state)
            if (!range) return null
            const mark =
              range.from < range.to
                ? Decoration.inline(range.from, range.to, { class: 'link-target' })
                : Decoration.widget(range.from, caretMarker, { key: 'link-caret' })
            return DecorationSet.create(state.doc, [mark])
          },
        },
      }),
    ]
  },
})

function caretMarker(): HTMLElement {
  const marker = document.createElement('span')
  marker.className = 'link-target-caret'
  marker.setAttribute('aria-hidden', 'true')
  return marker
}

/** The range a link form opened for, or null when none is open. */
export const linkTarget = (state: EditorState): Range | null => key.getState(state) ?? null

/**
 * Starts a link (or image) form: takes the selection as it is on screen, widened to the whole link when
 * the caret is inside one, and holds it highlighted. Returns the range.
 */
export function holdLinkTarget(editor: Editor, wholeLink: boolean): Range {
  syncSelectionFromDom(editor.view)
  const { selection, schema } = editor.state
  let range: Range = { from: selection.from, to: selection.to }
  if (selection.empty && wholeLink) {
    const link = getMarkRange(selection.$from, schema.marks.link!)
    if (link) range = link
  }
  editor.view.dispatch(editor.state.tr.setMeta(key, { range }))
  return range
}

/** Ends the form: the highlight goes; `reselect` puts the selection back on the held words. */
export function releaseLinkTarget(editor: Editor, reselect: boolean): void {
  if (editor.isDestroyed) return
  const range = linkTarget(editor.state)
  const tr = editor.state.tr.setMeta(key, { range: null })
  if (reselect && range) tr.setSelection(TextSelection.create(tr.doc, range.from, range.to))
  editor.view.dispatch(tr)
  if (reselect) editor.view.focus()
}
