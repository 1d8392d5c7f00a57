import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TicklerApi } from '../../../../../electron/shared/contract'
import { initI18n } from '../../../../lib/i18n'
import { until } from '../../../../test/dom'
import { createFakeTransfer } from '../../../../test/fake-transfer'
import { noteExtensions } from '../../extensions'

void initI18n('en')
let editor: Editor | undefined
afterEach(() => {
  editor?.destroy()
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

const exe = { file: `${'a'.repeat(64)}.exe`, name: 'invoice.pdf.exe', size: 2, mime: 'application/pdf' }

/** An editor holding one file chip, with attachments.open answering what main would. */
function editorWithChip(answer: Awaited<ReturnType<TicklerApi['attachments']['open']>>) {
  const api = createFakeTransfer()
  const open = vi.fn(async () => answer)
  vi.stubGlobal('tickler', { ...api, attachments: { ...api.attachments, open } })
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
  return { chip, open }
}

const alertText = () => document.querySelector('[role="alert"]:not([hidden])')?.textContent ?? ''

describe('opening a file chip', () => {
  it('says why a file that can run programs was shown in its folder instead of opened', async () => {
    const { chip, open } = editorWithChip({ opened: false, blocked: true, shownInFolder: true })
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    chip.click()
    await until(() => alertText() !== '')
    expect(open).toHaveBeenCalledWith({ file: exe.file })
    expect(alertText()).toBe(
      '“invoice.pdf.exe” was not opened: .exe files can run programs. It is shown in its folder; open it from there only if you trust it.',
    )
    // Not downloaded either: a browser download of the same file would run it just the same.
    expect(clicks).not.toHaveBeenCalled()
  })

  it('where nothing can show the folder (the preview), still refuses and says so', async () => {
    const { chip } = editorWithChip({ opened: false, blocked: true, shownInFolder: false })
    chip.click()
    await until(() => alertText() !== '')
    expect(alertText()).toMatch(
      /^“invoice\.pdf\.exe” was not opened: \.exe files can run programs\. It stays in/,
    )
  })
})
