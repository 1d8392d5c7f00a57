import { readFile } from 'node:fs/promises'
import type { DurableBatch } from '../../durable-file'
import { attachmentNode, formatBytes, type AttachmentRef } from '../../../shared/domain/attachment'
import type { DocNodeT, HistoryEntry } from '../../../shared/model'
import { fitDraft, importedDate, importedFollowUp, toTags, toTitle, type NoteDraft } from '../draft'
import { convertBlocks } from './enml-convert'
import { safeHref } from './enml-inline'
import { parseEnml, textOf } from './enml-tree'
import { parseEnexDate } from './enex-dates'
import type { EnexNote } from './enex-types'

/** What the converter needs from the attachment store: store bytes, get back a reference. */
export type StoreAttachment = (
  bytes: Uint8Array,
  name: string,
  mime: string,
  /** Told the name of a file about to be added to the store, before it is written. */
  beforeCreate?: (file: string) => void,
  /** Stages the file here instead of writing it durably at once (an import writes in batches). */
  batch?: DurableBatch,
) => Promise<AttachmentRef>

export interface ConvertedNote {
  draft: NoteDraft
  warnings: string[]
}

/**
 * One Evernote note to a draft: resources stored first (matched to <en-media> by their MD5), then the
 * body converted. Nothing is written to the library here, so a failure leaves no half note.
 */
export async function convertEnexNote(
  note: EnexNote,
  store: StoreAttachment,
  now: Date,
): Promise<ConvertedNote> {
  const warnings: string[] = []
  const byMd5 = new Map<string, AttachmentRef>()
  for (const res of note.resources) {
    const name = res.fileName || `attachment-${res.md5.slice(0, 8)}`
    if (res.tooLarge) {
      warnings.push(
        `"${name}" (${formatBytes(res.size)}) is over the attachment size limit and was not imported`,
      )
      continue
    }
    byMd5.set(res.md5, await store(await readFile(res.tempPath), name, res.mime))
  }
  const used = new Set<string>()
  const tree = parseEnml(note.content)
  warnings.push(...tree.warnings)
  const ctx = {
    media: (hash: string) => {
      const ref = byMd5.get(hash)
      if (!ref) return null
      used.add(hash)
      return attachmentNode(ref)
    },
    taskGroup: (groupId: string) => {
      const tasks = note.tasks.filter((t) => t.groupId === groupId)
      return tasks.length ? taskList(tasks) : null
    },
    warn: (message: string) => warnings.push(message),
  }
  let content: DocNodeT[]
  if (tree.fault) {
    // A body that is not well-formed XML still has the user's words: keep them as plain paragraphs.
    warnings.push(`the body is not well-formed (${tree.fault}); its text was imported without formatting`)
    content = plainParagraphs(note.content)
  } else content = convertBlocks(tree.root.children, ctx)

  const source = safeHref(note.sourceUrl ?? undefined)
  if (source) content.unshift(sourceParagraph(source))
  // Tasks whose group placeholder is not in the body would otherwise vanish: they go at the end.
  const orphans = note.tasks.filter((t) => !tree.fault && !note.content.includes(t.groupId))
  if (orphans.length || (tree.fault && note.tasks.length))
    content.push(taskList(tree.fault ? note.tasks : orphans))
  for (const [md5, ref] of byMd5) if (!used.has(md5)) content.push(attachmentNode(ref))
  if (!content.length) content.push({ type: 'paragraph' })

  const warn = (message: string) => warnings.push(message)
  const date = (raw: string | null, what: string, instead: string) =>
    importedDate(raw, what, instead, warn, parseEnexDate)
  const created = date(note.created, 'created date', 'another was used')
  const updated = date(note.updated, 'updated date', 'another was used')
  const createdAt = created ?? updated ?? now.toISOString()
  const updatedAt = updated ?? created ?? now.toISOString()

  const reminder = date(note.reminderTime, 'reminder time', 'the note has no follow-up from it')
  const reminderDone = date(note.reminderDoneTime, 'reminder done time', 'it was left out')
  const history: HistoryEntry[] = []
  if (reminder)
    history.push({ at: createdAt, kind: 'followup-set', dueAt: reminder, detail: 'Evernote reminder' })
  if (reminderDone) history.push({ at: reminderDone, kind: 'done', ...(reminder ? { dueAt: reminder } : {}) })

  const draft: NoteDraft = {
    title: toTitle(note.title, 'Untitled'),
    doc: { type: 'doc', content },
    tags: toTags(note.tags),
    createdAt,
    updatedAt,
    // A reminder marked done without a time still finishes the note; its due time is then the done time.
    followUp: reminder ? importedFollowUp(reminder) : reminderDone ? importedFollowUp(reminderDone) : null,
    doneAt: reminderDone,
    archivedAt: null,
    history,
    board: null,
  }
  return { draft: fitDraft(draft, warn), warnings }
}

function taskList(tasks: EnexNote['tasks']): DocNodeT {
  return {
    type: 'taskList',
    content: tasks.map((t) => ({
      type: 'taskItem',
      attrs: { checked: t.completed },
      content: [
        t.title ? { type: 'paragraph', content: [{ type: 'text', text: t.title }] } : { type: 'paragraph' },
      ],
    })),
  }
}

/** "Source: https://…" as the note's first line, a link the editor opens like any other. */
function sourceParagraph(href: string): DocNodeT {
  return {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Source: ' },
      { type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] },
    ],
  }
}

function plainParagraphs(enml: string): DocNodeT[] {
  const text = textOf({
    name: 'div',
    attrs: {},
    children: [
      enml
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/(div|p|li|h\d)>/gi, '\n')
        .replace(/<[^>]*>/g, ''),
    ],
  })
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }))
}
