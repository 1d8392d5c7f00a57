import { createServer, type Server } from 'node:http'
import { Editor } from '@tiptap/core'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../../../electron/core/test-support/real-api'
import { initI18n } from '../../../../lib/i18n'
import { until } from '../../../../test/dom'
import { noteExtensions } from '..'
import { applyImage } from '../../url-commands'

void initI18n('en')
const openApi = realApiPerTest()
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

/** A 1×1 PNG: what the web server below answers for every picture, except /missing.png (404). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)
let server: Server
let web = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/missing.png') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  web = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** An editor over the real core, which may fetch from this test's loopback server (public ones only in the app). */
async function makeEditor() {
  const real = await openApi({ host: { addressAllowed: () => true } })
  vi.stubGlobal('tickler', real.api)
  const fetch = vi.spyOn(real.api.attachments, 'fetch')
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
    const { editor, fetch } = await makeEditor()
    paste(editor, `<p>Logo:</p><img src="${web}/a/logo.png" alt="logo"><img src="${web}/a/logo.png">`)
    await until(() => !nodeTypes(editor).includes('image'))
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith({ url: `${web}/a/logo.png` })
    const html = editor.getHTML()
    expect(html).not.toContain(web)
    // Both copies point at the one stored file, named by its content.
    const { file: stored } = (await fetch.mock.results[0]!.value) as { file: string }
    expect(stored).toMatch(/^[0-9a-f]{64}\.png$/)
    expect(html.split(`data-attachment="${stored}"`)).toHaveLength(3)
    expect(editor.getText()).toContain('Logo:')
  })

  it('become a link with a message when the download fails, so the address is not lost', async () => {
    const { editor } = await makeEditor()
    paste(editor, `<img src="${web}/missing.png" alt="chart">`)
    await until(() => !nodeTypes(editor).includes('image'))
    expect(editor.getHTML()).toContain('<a')
    expect(editor.getHTML()).toContain(`href="${web}/missing.png"`)
    expect(editor.getText()).toContain('chart')
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(
      new RegExp(`^The image at ${web}/missing\\.png could not be saved: .*404.* It was kept as a link\\.$`),
    )
  })

  it('are saved too when inserted by address from the image form', async () => {
    const { editor, fetch } = await makeEditor()
    expect(applyImage(editor, `${web}/photo.jpg`)).toBe(true)
    await until(() => !nodeTypes(editor).includes('image'))
    expect(fetch).toHaveBeenCalledWith({ url: `${web}/photo.jpg` })
  })

  it('leave notes alone that are merely opened with an image address in them', async () => {
    const { editor, fetch } = await makeEditor()
    editor.commands.setContent(`<img src="${web}/old.png">`)
    editor.chain().focus('end').insertContent('typing').run()
    await new Promise((r) => setTimeout(r, 20))
    expect(fetch).not.toHaveBeenCalled()
    expect(nodeTypes(editor)).toContain('image')
  })
})
