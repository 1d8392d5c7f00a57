import type { Note, NoteSummary } from '../shared/model'

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
