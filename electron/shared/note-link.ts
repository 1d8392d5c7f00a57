import { eachNode } from './domain/doc-walk'
import { NOTE_LINK_NODE, NoteLinkAttrs, type DocNodeT } from './model'

export { NOTE_LINK_NODE, NoteLinkAttrs }

/** A note link node's attributes, or undefined when the node is no note link or its attributes are broken. */
export function noteLinkOf(node: DocNodeT): NoteLinkAttrs | undefined {
  if (node.type !== NOTE_LINK_NODE) return undefined
  const parsed = NoteLinkAttrs.safeParse(node.attrs)
  return parsed.success ? parsed.data : undefined
}

export const noteLinkNode = (attrs: NoteLinkAttrs): DocNodeT => ({ type: NOTE_LINK_NODE, attrs: { ...attrs } })

/**
 * The words a link reads as: its own when it has some, else the target's title. `currentTitle` is the
 * target's title now, where the caller knows it (the editor, an export); the stored one is the fallback.
 */
export function noteLinkText(attrs: NoteLinkAttrs, currentTitle?: string): string {
  return attrs.label ?? (currentTitle || attrs.title)
}

/** The ids of every note a document links to, each once, in document order. */
export function linkedNoteIds(nodes: DocNodeT[] | undefined): string[] {
  const found = new Set<string>()
  eachNode(nodes, (node) => {
    const link = noteLinkOf(node)
    if (link) found.add(link.id)
  })
  return [...found]
}
