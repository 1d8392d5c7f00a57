// @vitest-environment jsdom
import { Editor, getSchema } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { Node as PMNode } from '@tiptap/pm/model'
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteDoc } from '../electron/shared/model'
import { updateFragment } from '../electron/core/sync/y-diff'
import { FRAGMENT, readDoc, writeDoc } from '../electron/core/sync/y-format'
import { noteExtensions } from '../src/features/editor/extensions'

/*
 * Core keeps each note's text in a Y.Doc without a ProseMirror schema; the editor will bind to the same
 * Y.Doc through TipTap's Collaboration extension (y-tiptap). These tests hold core's converter to exactly
 * what y-tiptap writes and reads, with the editor's real schema built headlessly from the app's extensions.
 */

const extensions = () =>
  noteExtensions({
    placeholder: '',
    openLink: () => undefined,
    onLinkShortcut: () => undefined,
    taskLabel: (t) => t,
  })
const schema = getSchema(extensions())

const text = (t: string, marks?: NoteDoc['content']) => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
})
const para = (...content: object[]) => ({ type: 'paragraph', content })
const FILE = `${'ab'.repeat(32)}.pdf`

const rich = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('견적 후속조치 Quote follow-up')] },
    para(
      text('Call '),
      text('김 부장', [{ type: 'bold' }]),
      text(' about '),
      text('the quote', [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.com/q?a=1' } }]),
      text(' — '),
      text('code', [{ type: 'code' }]),
      { type: 'hardBreak' },
      text('struck', [{ type: 'strike' }]),
      text(' 형광', [{ type: 'highlight' }]),
      text(' under', [{ type: 'underline' }]),
    ),
    { type: 'heading', attrs: { level: 3 }, content: [text('할 일')] },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [para(text('send the 계약서'))] },
        {
          type: 'taskItem',
          attrs: { checked: false },
          content: [
            para(text('wait for reply')),
            {
              type: 'taskList',
              content: [{ type: 'taskItem', attrs: { checked: false }, content: [para(text('nested'))] }],
            },
          ],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            para(text('one')),
            {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [{ type: 'listItem', content: [para(text('셋'))] }],
            },
          ],
        },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [para(text('고객'))] },
            { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [para(text('Due'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [para(text('Kim'))] },
            { type: 'tableCell', content: [para()] },
          ],
        },
      ],
    },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const 답 = 42\nreturn 답')] },
    { type: 'blockquote', content: [para(text('인용'))] },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { src: 'https://example.com/a.png', alt: '그림', title: null } },
    para(text('see '), {
      type: 'attachment',
      attrs: { file: FILE, name: '견적서.pdf', size: 1234, mime: 'application/pdf' },
    }),
  ],
}

/** The document as the editor itself would save it (getJSON): every attribute, defaults filled in. */
const canonical = (doc: unknown): NoteDoc => PMNode.fromJSON(schema, doc).toJSON() as NoteDoc

/** Every element, attribute, text run and format of a fragment, in order: two equal dumps are one document. */
function dump(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): unknown {
  if (node instanceof Y.XmlText) return { delta: node.toDelta() }
  const children = node.toArray().map((c) => dump(c as Y.XmlElement | Y.XmlText))
  return node instanceof Y.XmlElement
    ? { name: node.nodeName, attrs: node.getAttributes(), children }
    : children
}

function byCore(doc: NoteDoc): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment(FRAGMENT)
  writeDoc(fragment, doc)
  return fragment
}
function byTiptap(doc: NoteDoc): Y.XmlFragment {
  return prosemirrorJSONToYXmlFragment(schema, doc, new Y.Doc().getXmlFragment(FRAGMENT))
}

let editor: Editor | undefined
afterEach(() => editor?.destroy())

describe('core writes and reads note text exactly as y-tiptap does', () => {
  const doc = canonical(rich)

  it('every mark of the editor excludes itself, so no y-tiptap hashed mark keys arise', () => {
    for (const mark of Object.values(schema.marks)) expect(mark.excludes(mark), mark.name).toBe(true)
  })

  it('JSON → Y: the same elements, attributes, text runs and formats', () => {
    expect(dump(byCore(doc))).toEqual(dump(byTiptap(doc)))
  })

  it('Y → JSON: core reads what y-tiptap wrote as y-tiptap and the editor schema read it', () => {
    const written = byTiptap(doc)
    const read = readDoc(written)
    expect(read).toEqual(yXmlFragmentToProsemirrorJSON(written))
    expect(canonical(read)).toEqual(yXmlFragmentToProseMirrorRootNode(written, schema).toJSON())
    expect(canonical(read)).toEqual(doc)
    expect(JSON.stringify(read)).toContain('견적 후속조치')
  })

  it('a diff into an existing fragment ends as y-tiptap’s updateYFragment ends, keeping unchanged nodes', () => {
    const edited = structuredClone(doc)
    const content = edited.content!
    content[1]!.content![1] = text('김 과장님', [{ type: 'bold' }, { type: 'italic' }])
    content[3]!.content![1]!.attrs!.checked = true
    content.splice(4, 0, para(text('새 문단 inserted')) as never)
    content.pop()
    const final = canonical(edited)

    const ours = byCore(doc)
    const keptTable = ours.get(5)
    updateFragment(ours, final)
    const theirs = byTiptap(doc)
    updateYFragment(theirs.doc!, theirs, PMNode.fromJSON(schema, final), {
      mapping: new Map(),
      isOMark: new Map(),
    })
    expect(dump(ours)).toEqual(dump(theirs))
    expect(canonical(readDoc(ours))).toEqual(final)
    expect(ours.get(6)).toBe(keptTable) // the table was not rewritten: a concurrent edit inside it survives
  })

  it('the editor bound through Collaboration shows what core wrote, and core reads what the editor types', () => {
    const ydoc = new Y.Doc()
    writeDoc(ydoc.getXmlFragment(FRAGMENT), doc)
    editor = new Editor({
      element: document.createElement('div'),
      extensions: [...extensions(), Collaboration.configure({ document: ydoc })],
    })
    expect(editor.getJSON()).toEqual(doc)
    editor.chain().focus('end').insertContent(' 추가됨').run()
    expect(canonical(readDoc(ydoc.getXmlFragment(FRAGMENT)))).toEqual(editor.getJSON())
    expect(JSON.stringify(editor.getJSON())).toContain('추가됨')
  })

  it('a line core cleared (its Y.XmlText kept, emptied) shows as an empty paragraph, and typing into it works', () => {
    const ydoc = new Y.Doc()
    const two = { type: 'doc', content: [para(text('first')), para(text('cleared elsewhere'))] } as NoteDoc
    writeDoc(ydoc.getXmlFragment(FRAGMENT), two)
    const cleared = { type: 'doc', content: [para(text('first')), { type: 'paragraph' }] } as NoteDoc
    updateFragment(ydoc.getXmlFragment(FRAGMENT), cleared)
    editor = new Editor({
      element: document.createElement('div'),
      extensions: [...extensions(), Collaboration.configure({ document: ydoc })],
    })
    expect(editor.getJSON()).toEqual(
      canonical({ type: 'doc', content: [para(text('first')), { type: 'paragraph' }] }),
    )
    editor.chain().focus('end').insertContent('새로 typed').run()
    expect(canonical(readDoc(ydoc.getXmlFragment(FRAGMENT)))).toEqual(editor.getJSON())
    expect(editor.getText()).toContain('새로 typed')
  })
})
