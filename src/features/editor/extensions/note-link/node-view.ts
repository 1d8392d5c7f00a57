import type { NodeViewRenderer } from '@tiptap/core'
import i18next from 'i18next'
import type { NoteDirectory } from './directory'
import { linkAttrsOf, linkWords } from './link-attrs'

/**
 * Draws a note link as a real link (role link, its words as its name) that opens the target on click and
 * on Enter. The words follow the target's title as the directory reports it; a target that no longer
 * exists reads "(note not found)", is marked disabled and opens nothing.
 */
export function noteLinkView(directory: () => NoteDirectory): NodeViewRenderer {
  return ({ node }) => {
    let attrs = linkAttrsOf(node.attrs)
    const dom = document.createElement('span')
    dom.className = 'note-link-wrap'
    dom.contentEditable = 'false'
    const link = document.createElement('a')
    link.className = 'note-link'
    link.href = `#note-${encodeURIComponent(attrs.id)}`
    link.dataset.noteLink = attrs.id
    dom.append(link)

    const draw = () => {
      const current = directory().titleOf(attrs.id)
      const words = linkWords(attrs, current) || i18next.t('noteLinks.picker.untitled')
      const missing = current === null
      // A gone target says so in the words themselves, so sighted readers and screen readers get the same.
      link.textContent = missing ? i18next.t('noteLinks.missing', { title: words }) : words
      link.classList.toggle('is-missing', missing)
      if (missing) {
        link.setAttribute('aria-disabled', 'true')
        link.title = i18next.t('noteLinks.missingHint')
      } else {
        link.removeAttribute('aria-disabled')
        link.title = i18next.t('noteLinks.openHint', { title: current ?? attrs.title })
      }
    }
    const open = (event: Event) => {
      event.preventDefault()
      if (directory().titleOf(attrs.id) !== null) directory().open(attrs.id)
    }
    link.addEventListener('click', open)
    link.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) open(event)
    })
    draw()
    const stop = directory().subscribe(draw)

    return {
      dom,
      update: (next) => {
        if (next.type !== node.type) return false
        attrs = linkAttrsOf(next.attrs)
        link.dataset.noteLink = attrs.id
        draw()
        return true
      },
      // Clicks and keys on the link are the link's; the editor must not turn them into edits or selections.
      stopEvent: (event) =>
        event.target instanceof Node && link.contains(event.target) && event.type !== 'dragstart',
      ignoreMutation: () => true,
      destroy: stop,
    }
  }
}
