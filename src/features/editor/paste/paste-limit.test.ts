import { Editor } from '@tiptap/core'
import { Slice } from '@tiptap/pm/model'
import { afterEach, describe, expect, it } from 'vitest'
import { noteExtensions } from '../extensions'
import { fitPaste, type DocLimits } from './paste-limit'

const limits: DocLimits = { depth: 100, bytes: 10 * 1024 * 1024, label: '10 MB', nodes: 200_000 }
let editor: Editor | undefined
afterEach(() => editor?.destroy())

function makeEditor() {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: noteExtensions({
      placeholder: '',
      openLink: () => undefined,
      onLinkShortcut: () => undefined,
      taskLabel: (t) => t,
    }),
    content: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'already here' }] }],
    },
  })
  return editor
}

/** A slice of `levels` nested lists, each item holding a word, built without recursion. */
function nestedSlice(e: Editor, levels: number): Slice {
  let inner: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deepest' }] }
  for (let i = 0; i < levels; i++)
    inner = {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `w${i}` }] }, inner],
        },
      ],
    }
  return new Slice(e.schema.nodeFromJSON({ type: 'doc', content: [inner] }).content, 0, 0)
}

describe('the paste rule', () => {
  it('lets a paste within the limits through unchanged', () => {
    const e = makeEditor()
    expect(fitPaste(e.state, nestedSlice(e, 10), limits)).toEqual({ kind: 'fits' })
  })

  it('flattens a paste nested past the depth limit, keeping every word and the note already there', () => {
    const e = makeEditor()
    const outcome = fitPaste(e.state, nestedSlice(e, 120), limits)
    expect(outcome.kind).toBe('flattened')
    const doc = outcome.kind === 'flattened' ? outcome.tr.doc : null
    const text = doc!.textBetween(0, doc!.content.size, '\n')
    expect(text).toContain('already here')
    expect(text.match(/w\d+/g)).toHaveLength(120)
    expect(text).toContain('deepest')
    expect(JSON.stringify(doc!.toJSON())).not.toContain('bulletList')
  })

  it('refuses a paste that would make the note larger than a note can hold; the note is untouched', () => {
    const e = makeEditor()
    const before = JSON.stringify(e.getJSON())
    const big = new Slice(
      e.schema.nodeFromJSON({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(limits.bytes) }] }],
      }).content,
      0,
      0,
    )
    expect(fitPaste(e.state, big, limits)).toEqual({ kind: 'refused', why: 'bytes' })
    expect(fitPaste(e.state, nestedSlice(e, 10), { ...limits, nodes: 20 })).toEqual({
      kind: 'refused',
      why: 'nodes',
    })
    expect(JSON.stringify(e.getJSON())).toBe(before)
  })
})
