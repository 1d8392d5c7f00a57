import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeTransfer } from '../../../../test/fake-transfer'
import { initI18n } from '../../../../lib/i18n'
import { until } from '../../../../test/dom'
import { noteExtensions } from '..'
import { applyImage } from '../../url-commands'

void initI18n('en')
let editor: Editor | undefined
afterEach(() => {
  editor?.destroy()
  vi.unstubAllGlobals()
})

// jsdom does not lay out; ProseMirror measures a selection after some changes.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
for (const proto of [Element.prototype, Range.prototype]) {
  if (!('getClientRects' in proto)) Object.assign(proto, { getClientRects: noRects })
  if (!('getBoundingClientRect' in proto))
    Object.assign(proto, { getBoundingClientRect: () => new DOMRect() })
}

function makeEditor(fetchImpl?: (input: { url: string }) => Promise<never>) {
  const api = createFakeTransfer()
  const fetch = vi.fn(fetchImpl ?? api.attachments.fetch)
  vi.stubGlobal('tickler', { ...api, attachments: { ...api.attachments, fetch } })
  const element = document.createElement('div')
  document.body.append(element)
  editor = new Editor({
    element,
    extensions: noteExtensions({
      placeholder: '',
      openLink: vi.fn(),
      onLinkShortcut: vi.fn(),
      taskLabel: (t) => t,
    }),
  })
  return { editor, fetch }
}

// jsdom has no ClipboardEvent; ProseMirror only needs an event to hand to paste handlers.
const paste = (e: Editor, html: string) => e.view.pasteHTML(html, new Event('paste') as ClipboardEvent)

const nodeTypes = (e: Editor): string[] => {
  const types: string[] = []
  e.state.doc.descendants((n) => void types.push(n.type.name))
  return types
}

describe('web images pasted into a note', () => {
  it('are downloaded once into the library and replace the remote address', async () => {
    const { editor, fetch } = makeEditor()
    paste(
      editor,
      '<p>Logo:</p><img src="https://example.com/a/logo.png" alt="logo"><img src="https://example.com/a/logo.png">',
    )
    await until(() => !nodeTypes(editor).includes('image'))
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith({ url: 'https://example.com/a/logo.png' })
    const html = editor.getHTML()
    expect(html).not.toContain('https://example.com')
    expect(html.match(/data-attachment="1{64}\.png"/g)).toHaveLength(2)
    expect(editor.getText()).toContain('Logo:')
  })

  it('become a link with a message when the download fails, so the address is not lost', async () => {
    const { editor } = makeEditor(async () => {
      throw new Error('The image at https://example.com/x.png could not be saved: the server answered 404.')
    })
    paste(editor, '<img src="https://example.com/x.png" alt="chart">')
    await until(() => !nodeTypes(editor).includes('image'))
    expect(editor.getHTML()).toContain('<a')
    expect(editor.getHTML()).toContain('href="https://example.com/x.png"')
    expect(editor.getText()).toContain('chart')
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'The image at https://example.com/x.png could not be saved: the server answered 404. It was kept as a link.',
    )
  })

  it('are saved too when inserted by address from the image form', async () => {
    const { editor, fetch } = makeEditor()
    expect(applyImage(editor, 'https://example.com/photo.jpg')).toBe(true)
    await until(() => !nodeTypes(editor).includes('image'))
    expect(fetch).toHaveBeenCalledWith({ url: 'https://example.com/photo.jpg' })
  })

  it('leave notes alone that are merely opened with an image address in them', async () => {
    const { editor, fetch } = makeEditor()
    editor.commands.setContent('<img src="https://example.com/old.png">')
    editor.chain().focus('end').insertContent('typing').run()
    await new Promise((r) => setTimeout(r, 20))
    expect(fetch).not.toHaveBeenCalled()
    expect(nodeTypes(editor)).toContain('image')
  })
})
