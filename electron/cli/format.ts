import type { Note, NoteSummary } from '../shared/model'
import { toZonedIso } from '../shared/followups/zone'

export function formatSummary(note: NoteSummary): string {
  const tags = note.tags.length ? `  ${note.tags.map((t) => `#${t}`).join(' ')}` : ''
  return `${note.id}  ${note.updatedAt.slice(0, 16).replace('T', ' ')}  ${note.title || '(untitled)'}${tags}`
}

export function formatNote(note: Note): string {
  const lines = [
    note.title || '(untitled)',
    `id: ${note.id}   notebook: ${note.notebookId}   revision: ${note.revision}`,
    `created: ${note.createdAt}   updated: ${note.updatedAt}`,
  ]
  if (note.tags.length) lines.push(`tags: ${note.tags.map((t) => `#${t}`).join(' ')}`)
  lines.push('', note.text)
  return lines.join('\n')
}

/** Follow-up times are printed in the user's zone with its offset (+09:00), never as bare UTC. */
export function zonedNote(note: Note, zone: string): Note {
  if (!note.followUp) return note
  return { ...note, followUp: { ...note.followUp, dueAt: toZonedIso(new Date(note.followUp.dueAt), zone) } }
}
