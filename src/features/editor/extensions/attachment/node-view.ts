import type { NodeViewRenderer } from '@tiptap/core'
import i18next from 'i18next'
import { ATTACHMENT_NODE, attachmentOf, formatBytes, isInlineImage } from '../../../../../electron/shared/domain/attachment'
import { attachmentUrlBase, type AttachmentApi } from './upload'

/**
 * Draws one attachment: a picture inline, or a chip (icon, name, size) that opens the file with the OS.
 * Plain DOM rather than React: a note with many pictures should not mount a React root per image.
 */
export function attachmentNodeView(
  api: () => AttachmentApi,
  onOpen: (file: string, name: string) => void,
): NodeViewRenderer {
  return ({ node }) => {
    const ref = attachmentOf({ type: ATTACHMENT_NODE, attrs: node.attrs })
    const dom = document.createElement('span')
    dom.className = 'attachment'
    dom.contentEditable = 'false'
    if (!ref) {
      dom.textContent = i18next.t('attachments.missing')
      return { dom }
    }
    dom.dataset.attachment = ref.file
    if (isInlineImage(ref.mime)) {
      const img = document.createElement('img')
      img.className = 'attachment-image'
      img.alt = ref.name
      img.title = `${ref.name} · ${formatBytes(ref.size)}`
      img.draggable = false
      void attachmentUrlBase(api())
        .then((base) => (img.src = `${base}${ref.file}`))
        .catch(() => undefined)
      dom.append(img)
      return { dom }
    }
    const chip = document.createElement('button')
    chip.type = 'button'
    chip.className = 'attachment-chip'
    chip.setAttribute(
      'aria-label',
      i18next.t('attachments.open', { name: ref.name, size: formatBytes(ref.size) }),
    )
    chip.title = i18next.t('attachments.openHint')
    const icon = document.createElement('span')
    icon.className = 'attachment-chip-icon'
    icon.setAttribute('aria-hidden', 'true')
    icon.textContent = (ref.file.split('.')[1] ?? '').slice(0, 4).toUpperCase()
    const name = document.createElement('span')
    name.className = 'attachment-chip-name'
    name.textContent = ref.name
    const size = document.createElement('span')
    size.className = 'attachment-chip-size'
    size.textContent = formatBytes(ref.size)
    chip.append(icon, name, size)
    chip.addEventListener('click', (event) => {
      event.preventDefault()
      onOpen(ref.file, ref.name)
    })
    dom.append(chip)
    // Clicks on the chip are the chip's; the editor must not turn them into a selection change.
    return {
      dom,
      stopEvent: (event) =>
        event.target instanceof Node && chip.contains(event.target) && event.type !== 'dragstart',
    }
  }
}
