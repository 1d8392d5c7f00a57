import { describe, expect, it } from 'vitest'
import { sanitizePastedHtml } from './sanitize-html'

/** Whitespace between blocks means nothing to the editor; compare structure only. */
const clean = (html: string): string => sanitizePastedHtml(html).replace(/>\s+</g, '><')

/** One list paragraph as Word puts it on the clipboard (marker inside a `mso-list:Ignore` span). */
function wordItem(text: string, marker: string, level = 1, list = 'l0'): string {
  const cls = level === 1 ? 'MsoListParagraphCxSpMiddle' : 'MsoListParagraphCxSpMiddle'
  const font = /\d/.test(marker) ? '' : 'font-family:Symbol;mso-fareast-font-family:Symbol'
  return (
    `<p class=${cls} style='margin-left:${36 * level}.0pt;text-indent:-18.0pt;mso-list:${list} level${level} lfo1'>` +
    `<![if !supportLists]><span style='${font}'><span style='mso-list:Ignore'>${marker}` +
    `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>` +
    `<span lang=KO>${text}</span><o:p></o:p></p>\n`
  )
}

function wordDoc(body: string): string {
  return (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoListParagraph{}</style></head>' +
    `<body lang=KO><div class=WordSection1>${body}</div></body></html>`
  )
}

describe('Word list paste', () => {
  it('turns bulleted list paragraphs into a real list without the bullet characters', () => {
    const html = wordDoc(
      '<p class=MsoNormal>Agenda<o:p></o:p></p>\n' +
        wordItem('Call the client', '·') +
        wordItem('고객에게 견적 보내기', '·') +
        '<p class=MsoNormal>After<o:p></o:p></p>',
    )
    expect(clean(html)).toBe(
      '<div><p>Agenda</p><ul><li><p>Call the client</p></li><li><p>고객에게 견적 보내기</p></li></ul>' +
        '<p>After</p></div>',
    )
  })

  it('makes numbered paragraphs an ordered list and nests deeper levels inside the item above', () => {
    const html = wordDoc(
      wordItem('First', '1.') +
        wordItem('Detail', 'o', 2) +
        wordItem('More detail', 'o', 2) +
        wordItem('Second', '2.'),
    )
    expect(clean(html)).toBe(
      '<div><ol><li><p>First</p><ul><li><p>Detail</p></li><li><p>More detail</p></li></ul></li>' +
        '<li><p>Second</p></li></ol></div>',
    )
  })

  it('recognises letter and roman markers as ordered', () => {
    const html = wordDoc(wordItem('a item', 'a)') + wordItem('b item', 'b)'))
    expect(clean(html)).toMatch(/^<div><ol><li><p>a item<\/p><\/li><li><p>b item<\/p><\/li><\/ol><\/div>$/)
    expect(clean(wordDoc(wordItem('roman', 'iv.')))).toContain('<ol><li><p>roman</p></li></ol>')
  })

  it('starts a new list after an ordinary paragraph between items', () => {
    const html = wordDoc(wordItem('one', '·') + '<p class=MsoNormal>break</p>' + wordItem('two', '·'))
    expect(clean(html)).toBe(
      '<div><ul><li><p>one</p></li></ul><p>break</p><ul><li><p>two</p></li></ul></div>',
    )
  })

  it('leaves ordinary paragraphs and real lists untouched', () => {
    const html = '<p style="mso-margin-top-alt:auto">plain</p><ul><li>kept</li></ul>'
    expect(clean(html)).toBe('<p>plain</p><ul><li>kept</li></ul>')
  })
})
