import type { Note } from '../../shared/model'

/** A YAML scalar: JSON strings are valid YAML, and quoting every value keeps "no", "2024-01-01" and ": " literal. */
const q = (value: string) => JSON.stringify(value)

/**
 * YAML front matter carrying what the Markdown body cannot: tags, dates and the follow-up, so an export
 * read by Obsidian, Jekyll or a script keeps everything the app knew about the note.
 */
export function frontMatter(note: Note, notebook: string): string {
  const lines = ['---', `title: ${q(note.title)}`, `notebook: ${q(notebook)}`]
  lines.push(note.tags.length ? `tags: [${note.tags.map(q).join(', ')}]` : 'tags: []')
  lines.push(`created: ${q(note.createdAt)}`, `updated: ${q(note.updatedAt)}`)
  if (note.followUp) {
    lines.push('follow-up:', `  due: ${q(note.followUp.dueAt)}`, `  attempt: ${note.followUp.attempt}`)
    if (note.followUp.waitingOn) lines.push(`  waiting-on: ${q(note.followUp.waitingOn)}`)
    if (note.followUp.owner) lines.push(`  owner: ${q(note.followUp.owner)}`)
  }
  if (note.doneAt) lines.push(`done: ${q(note.doneAt)}`)
  if (note.archivedAt) lines.push(`archived: ${q(note.archivedAt)}`)
  lines.push('---', '')
  return lines.join('\n')
}
