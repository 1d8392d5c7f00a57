import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { realApiPerTest, type RealApiOptions } from '../../../../../electron/core/test-support/real-api'
import { initI18n } from '../../../../lib/i18n'
import { until } from '../../../../test/dom'
import { noteExtensions } from '..'

void initI18n('en')
const openApi = realApiPerTest()
let editor: Editor | undefined
afterEach(() => {
  editor?.destroy()
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

/** An editor holding one chip for a stored .exe (named like a PDF), over the real core and `host`. */
async function editorWithChip(host: RealApiOptions['host']) {
  const real = await openApi({ host })
  const exe = await real.api.attachments.add({
    name: 'invoice.pdf.exe',
    mime: 'application/pdf',
    data: btoa('MZ'),
  })
  vi.stubGlobal('tickler', real.api)
  const open = vi.spyOn(real.api.attachments, 'open')
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
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'attachment', attrs: exe }] }] },
  })
  const chip = element.querySelector<HTMLButtonElement>('button[aria-label^="Open invoice.pdf.exe"]')
  if (!chip) throw new Error('no chip drawn')
  return { chip, open, exe }
}

const alertText = () => document.querySelector('[role="alert"]:not([hidden])')?.textContent ?? ''

describe('opening a file chip', () => {
  it('says why a file that can run programs was shown in its folder instead of opened', async () => {
    const showInFolder = vi.fn()
    const openPath = vi.fn(async () => true)
    const { chip, open, exe } = await editorWithChip({ showInFolder, openPath })
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    chip.click()
    await until(() => alertText() !== '')
    expect(open).toHaveBeenCalledWith({ file: exe.file })
    expect(showInFolder).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`${exe.file}$`)))
    expect(openPath).not.toHaveBeenCalled()
    expect(alertText()).toBe(
      '“invoice.pdf.exe” was not opened: .exe files can run programs. It is shown in its folder; open it from there only if you trust it.',
    )
    // Not downloaded either: a browser download of the same file would run it just the same.
    expect(clicks).not.toHaveBeenCalled()
  })

  it('where nothing can show the folder (the preview), still refuses and says so', async () => {
    const { chip } = await editorWithChip({})
    chip.click()
    await until(() => alertText() !== '')
    expect(alertText()).toMatch(
      /^“invoice\.pdf\.exe” was not opened: \.exe files can run programs\. It stays in/,
    )
  })
})
