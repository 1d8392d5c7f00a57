import { type Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import type { NoteDoc } from '../../../electron/shared/model'
import { testEditors } from './testing/test-editor'
import { applyImage, applyLink } from './url-commands'

const makeEditor = testEditors()

const json = (e: Editor) => JSON.stringify(e.getJSON())

describe('the note schema', () => {
  it('pastes web HTML through the sanitiser: no script, no onerror image, no javascript: link', () => {
    const e = makeEditor()
    e.view.pasteHTML(
      '<h2>Plan</h2><p>See <a href="javascript:alert(1)">this</a> and <a href="https://example.com">that</a></p>' +
        '<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">' +
        '<ul><li><p>one</p></li></ul>',
      // jsdom has no ClipboardEvent; ProseMirror only needs an event to hand to paste handlers.
      new Event('paste') as ClipboardEvent,
    )
    const out = json(e)
    expect(out).not.toMatch(/javascript|onerror|script|pwned/i)
    expect(out).toContain('"type":"heading"')
    expect(out).toContain('"type":"bulletList"')
    expect(out).toContain('"href":"https://example.com"')
    expect(e.getText()).toContain('See this and that')
    expect((window as { pwned?: boolean }).pwned).toBeUndefined()
  })

  it('never renders a refused link or image from a stored document', () => {
    const e = makeEditor({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
        { type: 'image', attrs: { src: 'javascript:alert(1)' } },
      ],
    })
    const html = e.view.dom.innerHTML
    expect(html).not.toContain('javascript:')
    expect(e.view.dom.querySelector('img')?.getAttribute('src')).toBeNull()
  })

  it('refuses a link to anything but http, https or mailto, from the form and from commands', () => {
    const e = makeEditor('<p>word</p>')
    e.commands.selectAll()
    expect(applyLink(e, 'javascript:alert(1)')).toBe(false)
    expect(applyLink(e, 'file:///etc/passwd')).toBe(false)
    expect(e.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false)
    expect(json(e)).not.toContain('"link"')
    e.commands.selectAll()
    expect(applyLink(e, 'example.com')).toBe(true)
    expect(json(e)).toContain('"href":"https://example.com"')
  })

  it('inserts images only from allowed addresses', () => {
    const e = makeEditor()
    expect(applyImage(e, 'javascript:alert(1)')).toBe(false)
    expect(applyImage(e, 'data:image/svg+xml;base64,PHN2Zz4=')).toBe(false)
    expect(applyImage(e, 'https://example.com/a.png')).toBe(true)
    expect(json(e)).toContain('"src":"https://example.com/a.png"')
  })

  it('holds every block the toolbar offers and round-trips them as JSON', () => {
    const e = makeEditor()
    e.chain()
      .insertContent(
        '<h1>Title</h1><ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>done</p></li></ul>',
      )
      .insertTable({ rows: 2, cols: 2, withHeaderRow: true })
      .run()
    e.commands.insertContent(
      '<pre><code class="language-ts">const a = 1</code></pre><hr><blockquote><p>q</p></blockquote>',
    )
    const doc = e.getJSON() as NoteDoc
    const types = JSON.stringify(doc)
    for (const type of [
      'heading',
      'taskList',
      'taskItem',
      'table',
      'tableHeader',
      'tableCell',
      'codeBlock',
      'horizontalRule',
      'blockquote',
    ]) {
      expect(types).toContain(`"type":"${type}"`)
    }
    expect(types).toContain('"checked":true')
    const again = makeEditor(doc)
    expect(again.getJSON()).toEqual(doc)
  })

  it('applies Markdown-style input rules', () => {
    const e = makeEditor()
    const type = (text: string) => {
      for (const ch of text) {
        const { from, to } = e.state.selection
        const handled = e.view.someProp('handleTextInput', (f) =>
          f(e.view, from, to, ch, () => e.state.tr.insertText(ch, from, to)),
        )
        if (!handled) e.view.dispatch(e.state.tr.insertText(ch, from, to))
      }
    }
    type('# ')
    expect(e.isActive('heading', { level: 1 })).toBe(true)
    e.commands.setParagraph()
    e.commands.clearContent()
    type('[ ] ')
    expect(e.isActive('taskItem')).toBe(true)
    e.commands.clearContent()
    type('- ')
    expect(e.isActive('bulletList')).toBe(true)
    e.commands.clearContent()
    type('```')
    type(' ')
    expect(e.isActive('codeBlock')).toBe(true)
  })
})
