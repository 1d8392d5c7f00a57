import type { Editor } from '@tiptap/core'
import { SAVE_WEB_IMAGES } from './extensions/attachment'
import { isAllowedImageSrc } from './safe-image'
import { normalizeLinkInput } from './safe-link'

/** The href of the link under the caret, or '' when there is none. */
export function currentLink(editor: Editor): string {
  const href: unknown = editor.getAttributes('link').href
  return typeof href === 'string' ? href : ''
}

/**
 * Links the selection (or the whole link under the caret) to what the user typed, or inserts the address
 * as linked text when nothing is selected. Returns false, changing nothing, when the address is refused.
 */
export function applyLink(editor: Editor, raw: string): boolean {
  const input = normalizeLinkInput(raw)
  if (!input.ok) return false
  const { empty } = editor.state.selection
  if (empty && !editor.isActive('link')) {
    return editor
      .chain()
      .focus()
      .insertContent({
        type: 'text',
        text: input.href,
        marks: [{ type: 'link', attrs: { href: input.href } }],
      })
      .run()
  }
  return editor.chain().focus().extendMarkRange('link').setLink({ href: input.href }).run()
}

/** Inserts an image by address; false when the address is not one a note may load. */
export function applyImage(editor: Editor, raw: string): boolean {
  const src = raw.trim()
  if (!isAllowedImageSrc(src)) return false
  // Web images are then saved into the library by the attachment extension (see remote-images.ts).
  return editor.chain().focus().setImage({ src, alt: '' }).setMeta(SAVE_WEB_IMAGES, true).run()
}
