import type { DocNodeT, Note } from '../../../shared/model'
import { noteLinkNode } from '../../../shared/note-link'

/**
 * Evernote links between notes. In the body they are `<a>`s to `evernote:///view/<user>/<shard>/<guid>/<guid>/`
 * (the desktop app's "Copy internal link") or `https://www.evernote.com/shard/<shard>/nl/<user>/<guid>/` (the
 * web's). The converter keeps them as link marks with that address; once every note of the file is written,
 * each becomes a note link to the imported note it names, or plain words when that note is not in the file.
 */
const VIEW = /^evernote:\/\/\/view\/[^/]+\/[^/]+\/([A-Za-z0-9-]+)\//i
const WEB = /^https:\/\/(?:www\.)?evernote\.com\/shard\/[^/]+\/nl\/[^/]+\/([A-Za-z0-9-]+)(?:\/|$|\?)/i

/** The guid of the note an Evernote note link points at, or null when the address is no note link. */
export function evernoteNoteGuid(href: string | undefined): string | null {
  const trimmed = (href ?? '').trim()
  return (VIEW.exec(trimmed) ?? WEB.exec(trimmed))?.[1]?.toLowerCase() ?? null
}

const linkGuid = (node: DocNodeT): string | null => {
  const mark = node.type === 'text' ? node.marks?.find((m) => m.type === 'link') : undefined
  return mark ? evernoteNoteGuid(typeof mark.attrs?.href === 'string' ? mark.attrs.href : '') : null
}

export const hasNoteLinks = (nodes: DocNodeT[] | undefined): boolean =>
  (nodes ?? []).some((n) => linkGuid(n) !== null || hasNoteLinks(n.content))

/** Where an Evernote note link goes: the imported note, or why it stays words. */
export type LinkTarget = { id: string; title: string } | { unresolved: string }

/** Each run of text under one Evernote note link becomes a note link, or its words without the link. */
export function replaceNoteLinks(
  nodes: DocNodeT[],
  resolve: (words: string, guid: string) => LinkTarget,
): DocNodeT[] {
  const out: DocNodeT[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const guid = linkGuid(node)
    if (guid === null) {
      out.push(node.content ? { ...node, content: replaceNoteLinks(node.content, resolve) } : node)
      continue
    }
    // Bold or italic words inside one link are several text nodes with the same address.
    const run = [node]
    while (i + 1 < nodes.length && linkGuid(nodes[i + 1]!) === guid) run.push(nodes[++i]!)
    const words = run.map((n) => n.text ?? '').join('')
    const target = resolve(words.trim(), guid)
    if ('id' in target) {
      const label = words.trim() && words.trim() !== target.title ? words.trim() : null
      out.push(noteLinkNode({ id: target.id, title: target.title, label }))
    } else {
      for (const n of run) {
        const marks = n.marks?.filter((m) => m.type !== 'link')
        out.push(marks?.length ? { ...n, marks } : { type: 'text', text: n.text })
      }
    }
  }
  return joinText(out)
}

/** Neighbouring words with the same marks join, as ProseMirror would join them. */
function joinText(nodes: DocNodeT[]): DocNodeT[] {
  const out: DocNodeT[] = []
  const same = (a: DocNodeT, b: DocNodeT) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? [])
  for (const node of nodes) {
    const last = out.at(-1)
    if (last?.type === 'text' && node.type === 'text' && same(last, node))
      out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` }
    else out.push(node)
  }
  return out
}

interface Written {
  id: string
  title: string
  guid: string | null
  linksNotes: boolean
}

/**
 * Collects the notes one ENEX import wrote, then turns their Evernote note links into note links. A link
 * finds its note by guid when the file carried guids; else by its words being the note's title (Evernote
 * writes the target's title as the link's words); several notes with that title and no guid to tell them
 * apart, or no such note in the file, leave the words and a warning naming them.
 */
export class EnexLinkResolver {
  private readonly written: Written[] = []

  add(entry: Written): void {
    this.written.push(entry)
  }

  private target(words: string, guid: string): LinkTarget {
    const byGuid = this.written.find((w) => w.guid === guid)
    if (byGuid) return byGuid
    const byTitle = this.written.filter((w) => w.title === words)
    if (byTitle.length === 1) return byTitle[0]!
    if (byTitle.length > 1)
      return {
        unresolved: `${byTitle.length} imported notes are titled "${words}" and the file does not say which one it links to`,
      }
    return { unresolved: `the note it links to is not in this file` }
  }

  /** Rewrites each note that links to others; `warn` names every link left as words. */
  async finish(
    rewrite: (id: string, change: (note: Note) => Note) => Promise<unknown>,
    warn: (item: string, message: string) => void,
  ): Promise<void> {
    for (const note of this.written.filter((w) => w.linksNotes)) {
      await rewrite(note.id, (current) => {
        const content = replaceNoteLinks(current.doc.content ?? [], (words, guid) => {
          const target = this.target(words, guid)
          if ('unresolved' in target)
            warn(`"${note.title}"`, `the link "${words}" was kept as text: ${target.unresolved}`)
          return target
        })
        return { ...current, doc: { ...current.doc, content } }
      })
    }
  }
}
