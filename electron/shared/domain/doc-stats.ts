import { ATTACHMENT_NODE } from './attachment'
import { eachNode } from './doc-walk'
import type { DocStats, NoteDoc } from '../model'

/**
 * What a card counts from its note's document: checklist items (TipTap taskItem, done when
 * attrs.checked) and embedded media (image nodes, attachment chips). Derived by core on every save so
 * the board never has to load a note's document to draw its card.
 */
export function docStats(doc: NoteDoc): DocStats {
  const stats: DocStats = { tasks: { done: 0, total: 0 }, media: { images: 0, files: 0 } }
  eachNode(doc.content, (node) => {
    if (node.type === 'taskItem') {
      stats.tasks.total++
      if (node.attrs?.checked === true) stats.tasks.done++
    } else if (node.type === 'image') stats.media.images++
    else if (node.type === ATTACHMENT_NODE) stats.media.files++
  })
  return stats
}
