import type { DocNodeT, HistoryEntry } from '../../../shared/model'
import { CUT_WARNING, markdownToDoc } from '../../transfer/markdown-import'
import { LabelColor, type LabelColors } from '../../../shared/board'
import { fitDraft, importedDate, importedFollowUp, toTag, toTags, toTitle, type NoteDraft } from '../draft'
import { safeHref } from '../enex/enml-inline'
import type { TrelloBoard, TrelloCard } from './trello-schema'

const text = (t: string, marks?: DocNodeT['marks']): DocNodeT =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t }
const para = (...content: DocNodeT[]): DocNodeT =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
/** For display only (a comment's date line): the raw text stays when it is no usable date. */
const isoOrNull = (v: string | null | undefined) => importedDate(v, '', '', () => undefined)

/** Per-card lookups built once for the whole board, so a board of thousands of cards stays linear. */
export interface BoardIndex {
  labels: Map<string, string>
  checklists: Map<string, TrelloBoard['checklists']>
  comments: Map<string, TrelloBoard['actions']>
}

export function indexBoard(board: TrelloBoard): BoardIndex {
  const labels = new Map(board.labels.map((l) => [l.id, l.name || l.color]))
  const checklists = new Map<string, TrelloBoard['checklists']>()
  for (const c of [...board.checklists].sort((a, b) => a.pos - b.pos))
    checklists.set(c.idCard, [...(checklists.get(c.idCard) ?? []), c])
  const comments = new Map<string, TrelloBoard['actions']>()
  for (const a of board.actions) {
    const id = a.data.card?.id
    if (a.type === 'commentCard' && id && a.data.text) comments.set(id, [...(comments.get(id) ?? []), a])
  }
  return { labels, checklists, comments }
}

/**
 * The colour of each label, keyed by the tag it becomes (the same name cardToDraft gives it), from the
 * board's labels and the copies cards carry. A colour Tickler does not know, or none, leaves the tag to
 * take its colour from its name.
 */
export function labelColorsOf(board: TrelloBoard): LabelColors {
  const colors: LabelColors = {}
  for (const label of [...board.labels, ...board.cards.flatMap((c) => c.labels)]) {
    const tag = toTag(label.name || label.color)
    const color = LabelColor.safeParse(label.color)
    if (tag && color.success && !(tag in colors)) colors[tag] = color.data
  }
  return colors
}

/**
 * A card as a note: its Markdown description (through the Markdown importer the export/import feature
 * uses), then each checklist as a heading and task items, attachment links, and comments oldest first
 * with author and date. Labels become tags, a due date a follow-up (done when Trello says complete).
 * A date that cannot be kept is reported through warn and left out.
 */
export function cardToDraft(
  card: TrelloCard,
  index: BoardIndex,
  now: Date,
  warn: (message: string) => void,
): NoteDraft {
  const fromMarkdown = (source: string): DocNodeT[] => {
    const { doc, cut } = markdownToDoc(source)
    if (cut) warn(CUT_WARNING)
    return doc.content ?? []
  }
  const content: DocNodeT[] = card.desc.trim() ? fromMarkdown(card.desc) : []
  for (const list of index.checklists.get(card.id) ?? []) {
    if (list.name) content.push({ type: 'heading', attrs: { level: 3 }, content: [text(list.name)] })
    const items = [...list.checkItems].sort((a, b) => a.pos - b.pos)
    if (items.length) {
      content.push({
        type: 'taskList',
        content: items.map((i) => ({
          type: 'taskItem',
          attrs: { checked: i.state === 'complete' },
          content: [i.name ? para(text(i.name)) : para()],
        })),
      })
    }
  }
  const links = card.attachments
    .map((a) => ({ name: a.name || a.url, href: safeHref(a.url) }))
    .filter((a) => a.href)
  if (links.length) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text('Attachments')] })
    content.push({
      type: 'bulletList',
      content: links.map((l) => ({
        type: 'listItem',
        content: [para(text(l.name, [{ type: 'link', attrs: { href: l.href } }]))],
      })),
    })
  }
  const comments = [...(index.comments.get(card.id) ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  if (comments.length) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text('Comments')] })
    for (const c of comments) {
      const who = c.memberCreator?.fullName || 'Someone'
      content.push(
        para(
          text(`${who} · ${isoOrNull(c.date)?.slice(0, 16).replace('T', ' ') ?? c.date}`, [{ type: 'bold' }]),
        ),
      )
      content.push(...fromMarkdown(c.data.text ?? ''))
    }
  }
  if (!content.length) content.push(para())

  const labelNames = card.labels.length
    ? card.labels.map((l) => l.name || l.color)
    : card.idLabels.map((id) => index.labels.get(id) ?? '')
  const updatedAt =
    importedDate(card.dateLastActivity, 'last activity date', 'the import time was used', warn) ??
    now.toISOString()
  // Trello ids begin with the creation time in seconds (MongoDB ObjectId), the only creation date an export has.
  const fromId = /^[0-9a-f]{24}$/.test(card.id)
    ? new Date(parseInt(card.id.slice(0, 8), 16) * 1000).toISOString()
    : null
  const due = importedDate(card.due, 'due date', 'the card was imported without a follow-up', warn)
  const doneAt = due && card.dueComplete ? updatedAt : null
  const history: HistoryEntry[] = due
    ? [{ at: fromId ?? updatedAt, kind: 'followup-set', dueAt: due, detail: 'Trello due date' }]
    : []
  if (doneAt) history.push({ at: doneAt, kind: 'done', dueAt: due! })
  const draft: NoteDraft = {
    title: toTitle(card.name, 'Untitled card'),
    doc: { type: 'doc', content },
    tags: toTags(labelNames),
    createdAt: fromId && fromId <= updatedAt ? fromId : updatedAt,
    updatedAt,
    followUp: due ? importedFollowUp(due) : null,
    doneAt,
    archivedAt: card.closed ? updatedAt : null,
    history,
    board: null,
  }
  return fitDraft(draft, warn)
}
