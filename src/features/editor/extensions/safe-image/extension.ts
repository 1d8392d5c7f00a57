import Image from '@tiptap/extension-image'
import { isAllowedImageSrc } from './image-src'

/**
 * TipTap's image node with the source checked on the way in (pasted or parsed HTML) and on the way out
 * (rendering a stored document), so an image from an untrusted document never loads a refused URL.
 */
export const SafeImage = Image.extend({
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (dom) => (isAllowedImageSrc(dom.getAttribute('src')) ? null : false),
      },
    ]
  },
  renderHTML({ HTMLAttributes }) {
    const { src, ...rest } = HTMLAttributes as Record<string, unknown>
    const attrs = { ...this.options.HTMLAttributes, ...rest }
    return isAllowedImageSrc(src) ? ['img', { ...attrs, src }] : ['img', { ...attrs, 'data-refused': 'true' }]
  },
}).configure({ inline: false, allowBase64: true })
