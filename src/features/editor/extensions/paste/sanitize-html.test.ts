import { describe, expect, it } from 'vitest'
import { sanitizePastedHtml } from './sanitize-html'

describe('sanitizePastedHtml', () => {
  it('drops scripts, styles and embedded documents with their content', () => {
    const out = sanitizePastedHtml(
      '<p>Hello</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example"></iframe><p>world</p>',
    )
    expect(out).toBe('<p>Hello</p><p>world</p>')
  })

  it('drops event handlers and refuses an image whose only purpose is onerror', () => {
    const out = sanitizePastedHtml('<p onclick="steal()">Hi <img src="x" onerror="alert(1)"></p>')
    expect(out).toBe('<p>Hi </p>')
    const kept = sanitizePastedHtml('<img src="https://example.com/a.png" onerror="alert(1)" onload="x()">')
    expect(kept).toBe('<img src="https://example.com/a.png">')
  })

  it('unwraps javascript:, data: and relative links but keeps their text', () => {
    const out = sanitizePastedHtml(
      '<p><a href="javascript:alert(1)">one</a> <a href=" JaVa\tScRiPt:alert(1)">two</a> <a href="data:text/html,x">three</a> <a href="/local">four</a></p>',
    )
    expect(out).toBe('<p>one two three four</p>')
  })

  it('keeps http, https and mailto links, and only their href and title', () => {
    const out = sanitizePastedHtml(
      '<a href="https://example.com" target="_blank" style="color:red" class="x" title="T">web</a><a href="mailto:kim@example.com">mail</a>',
    )
    expect(out).toBe(
      '<a href="https://example.com" title="T">web</a><a href="mailto:kim@example.com">mail</a>',
    )
  })

  it('keeps the structure a note can hold: headings, lists, tables, quotes, code', () => {
    const html =
      '<h2 class="x">Plan</h2><ul><li>one</li></ul><ol start="3"><li>three</li></ol><table><tbody><tr><td colspan="2" style="width:9px">cell</td></tr></tbody></table><blockquote>q</blockquote><pre><code>x = 1</code></pre>'
    expect(sanitizePastedHtml(html)).toBe(
      '<h2>Plan</h2><ul><li>one</li></ul><ol start="3"><li>three</li></ol><table><tbody><tr><td colspan="2">cell</td></tr></tbody></table><blockquote>q</blockquote><pre><code>x = 1</code></pre>',
    )
  })

  it('cleans Word markup: conditional comments, o:p, mso classes and styles', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>.MsoNormal{}</style></head><body>' +
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->' +
      '<p class="MsoNormal" style="mso-margin-top-alt:auto"><b>Bold</b> text<o:p></o:p></p></body></html>'
    expect(sanitizePastedHtml(word)).toBe('<p><b>Bold</b> text</p>')
  })

  it('turns Google Docs style spans into marks and drops the bold wrapper it puts round everything', () => {
    const docs =
      '<b style="font-weight:normal;" id="docs-internal-guid-1234"><p><span style="font-weight:700">loud</span> <span style="font-style:italic">soft</span> plain</p></b>'
    expect(sanitizePastedHtml(docs)).toBe('<p><strong>loud</strong> <em>soft</em> plain</p>')
  })

  it('unwraps unknown elements but keeps their text', () => {
    expect(
      sanitizePastedHtml('<p><custom-el data-x="1">kept <font color="red">text</font></custom-el></p>'),
    ).toBe('<p>kept text</p>')
  })
})
