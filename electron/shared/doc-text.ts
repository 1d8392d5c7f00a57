import type { DocNodeT, NoteDoc } from './model'
import { noteLinkOf, noteLinkText } from './note-link'

/** Nodes after which a line break belongs in the plain text, so words of adjacent blocks never fuse. */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'taskItem',
  'tableRow',
  'horizontalRule',
])

/** Plain text of a TipTap document: what search indexes and what snippets are cut from. */
export function docToText(doc: NoteDoc): string {
  const out: string[] = []
  // A node is entered (its own text), then its children, then left (the break after a block). Inside a
  // table cell, blocks end with a space instead of a line break, so one row stays one line.
  const stack: { node: DocNodeT; inCell: boolean; leaving: boolean }[] = [...(doc.content ?? [])]
    .reverse()
    .map((node) => ({ node, inCell: false, leaving: false }))
  while (stack.length > 0) {
    const { node, inCell, leaving } = stack.pop()!
    const cell = node.type === 'tableCell' || node.type === 'tableHeader'
    if (leaving) {
      if (cell) out.push('\t')
      else if (BLOCKS.has(node.type)) out.push(inCell ? ' ' : '\n')
      continue
    }
    const link = noteLinkOf(node)
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text)
    // A link to another note is words in the text (its label or the target's title), found by search.
    else if (link) out.push(noteLinkText(link))
    else if (node.type === 'hardBreak') out.push(inCell ? ' ' : '\n')
    stack.push({ node, inCell, leaving: true })
    const children = node.content ?? []
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, inCell: inCell || cell, leaving: false })
  }
  return out
    .join('')
    .replace(/ *\t */g, '\t')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A document holding plain paragraphs, one per line of text (used by the CLI and migrations). */
export function textToDoc(text: string): NoteDoc {
  const lines = text.split(/\r?\n/)
  return {
    type: 'doc',
    content: lines.map((line) =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  }
}
