import { describe, expect, it } from 'vitest'
import { docToText } from './doc-text'
import type { NoteDoc } from './model'

const text = (value: string) => ({ type: 'text', text: value })
const p = (value: string) => ({ type: 'paragraph', content: [text(value)] })

describe('docToText over every node the editor makes', () => {
  it('keeps table cells apart and rows on their own lines', () => {
    const doc: NoteDoc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [p('Name')] },
                { type: 'tableHeader', content: [p('Due')] },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [p('김 과장')] },
                { type: 'tableCell', content: [p('Friday')] },
              ],
            },
          ],
        },
      ],
    }
    const out = docToText(doc)
    expect(out).toBe('Name\tDue\n김 과장\tFriday')
    expect(out).toMatch(/김 과장\s+Friday/)
    expect(out.split('\n').filter(Boolean)).toHaveLength(2)
  })

  it('puts task items, headings, code and quotes on separate lines and skips images and rules', () => {
    const doc: NoteDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Plan')] },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [p('call')] },
            { type: 'taskItem', attrs: { checked: false }, content: [p('write')] },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'image', attrs: { src: 'https://example.com/a.png' } },
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = 1')] },
        { type: 'blockquote', content: [p('quoted')] },
        {
          type: 'paragraph',
          content: [text('a'), { type: 'hardBreak' }, { ...text('b'), marks: [{ type: 'bold' }] }],
        },
      ],
    }
    expect(docToText(doc).split(/\n+/)).toEqual(['Plan', 'call', 'write', 'const a = 1', 'quoted', 'a', 'b'])
  })
})
