import { posToDOMRect, type Editor } from '@tiptap/core'
import type { Rect } from '../../lib/popup-position'
import { SAVE_WEB_IMAGES } from './extensions/attachment'
import { focusedChain } from './focus-now'
import { isAllowedImageSrc } from './safe-image'
import { linkTarget, normalizeLinkInput, type Range } from './safe-link'

/** The href of the link under the caret, or '' when there is none. */
export function currentLink(editor: Editor): string {
  const href: unknown = editor.getAttributes('link').href
  return typeof href === 'string' ? href : ''
}

/** The held range of the open form, else the selection. */
const targetOf = (editor: Editor): Range => linkTarget(editor.state) ?? editor.state.selection

/**
 * Links the words the form was opened for (the selection then, or the whole link under the caret) to what
 * the user typed, leaving them selected; with no words, inserts the address as linked text. Returns
 * false, changing nothing, when the address is refused.
 */
export function applyLink(editor: Editor, raw: string): boolean {
  const input = normalizeLinkInput(raw)
  if (!input.ok) return false
  const { from, to } = targetOf(editor)
  if (from === to) {
    const text = { type: 'text', text: input.href, marks: [{ type: 'link', attrs: { href: input.href } }] }
    return focusedChain(editor).insertContentAt(from, text).run()
  }
  return focusedChain(editor).setTextSelection({ from, to }).setLink({ href: input.href }).run()
}

/** Takes the link off the words the form was opened for. */
export function removeLink(editor: Editor): boolean {
  const { from, to } = targetOf(editor)
  return focusedChain(editor).setTextSelection({ from, to }).unsetLink().run()
}

/** Inserts an image by address where the form was opened; false when it is not one a note may load. */
export function applyImage(editor: Editor, raw: string): boolean {
  const src = raw.trim()
  if (!isAllowedImageSrc(src)) return false
  const { from, to } = targetOf(editor)
  // Web images are then saved into the library by the attachment extension (see remote-images.ts).
  return focusedChain(editor)
    .setTextSelection({ from, to })
    .setImage({ src, alt: '' })
    .setMeta(SAVE_WEB_IMAGES, true)
    .run()
}

/** Where the held words are on screen, for the form to sit beside them; null once the editor is gone. */
export function targetRect(editor: Editor): Rect | null {
  if (editor.isDestroyed) return null
  const { from, to } = targetOf(editor)
  const rect = posToDOMRect(editor.view, from, to)
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
}

/** Links to a note where the "Link to note" dialog was opened; words selected then become the link's own words. */
export function applyNoteLink(editor: Editor, note: { id: string; title: string }): boolean {
  const range = targetOf(editor)
  const label = editor.state.doc.textBetween(range.from, range.to, ' ')
  return editor
    .chain()
    .focus()
    .insertNoteLink({ ...note, label }, range)
    .run()
}
