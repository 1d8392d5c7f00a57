import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { App } from '../../app/App'
import { byName, mountPerTest, until } from '../../test/dom'

/*
 * Markdown/HTML export and import as the person sees them in the window (the Export and Import menus),
 * on the real core. Only accessible names and App are used, so the tests do not care which folder the
 * menus' components live in.
 */
const dom = mountPerTest()
const openApi = realApiPerTest()

async function setup() {
  const real = await openApi()
  await act(async () => dom.root.render(<App api={real.api} />))
  await until(() => byName('Export'))
  return real
}

const notice = () => dom.container.querySelector('.transfer-notice')
async function choose(menu: 'Export' | 'Import', item: string) {
  await act(async () => byName(menu)!.click())
  await act(async () => byName(item)!.click())
}
/** Files handed to a hidden file input, as the browser's picker would. */
async function pickFiles(inputName: string, files: File[]) {
  const input = byName<HTMLInputElement>(inputName, 'input[type="file"]')!
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })))
}

describe('export', () => {
  // jsdom makes no object URLs; the download is the link the page clicks, with the zip core made.
  const blobs: Blob[] = []
  let clicked: HTMLAnchorElement[] = []
  beforeEach(() => {
    sessionStorage.clear()
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:export') }))
    clicked = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('downloads the current notebook as a Markdown zip built by core', async () => {
    const real = await setup()
    await real.api.notes.create({ title: 'Groceries', notebookId: 'inbox' })
    await choose('Export', 'This notebook as Markdown')
    await until(() => notice()?.textContent?.startsWith('Downloaded '))
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toMatch(/\.zip$/)
    expect(notice()!.textContent).toContain(`Downloaded ${clicked[0]!.download}.`)
    // jsdom's Blob has no arrayBuffer(); FileReader reads it as the page would.
    const reader = new FileReader()
    const read = new Promise((resolve) => reader.addEventListener('load', resolve))
    reader.readAsArrayBuffer(blobs.at(-1)!)
    await read
    const bytes = new Uint8Array(reader.result as ArrayBuffer)
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
  })

  it('offers the note exports only while a note is open', async () => {
    await setup()
    await act(async () => byName('Export')!.click())
    expect(byName('This note as Markdown')!.disabled).toBe(true)
    expect(byName('This note as HTML')!.disabled).toBe(true)
  })

  it('says why an export failed', async () => {
    const real = await setup()
    vi.spyOn(real.api.transfer, 'export').mockRejectedValueOnce(new Error('the disk is full'))
    await choose('Export', 'This notebook as HTML')
    await until(() => notice()?.textContent?.includes('Export failed: the disk is full'))
    expect(notice()!.className).toContain('is-error')
    expect(clicked).toEqual([])
  })
})

describe('Markdown import', () => {
  beforeEach(() => sessionStorage.clear())

  it('imports picked Markdown files into the notebook shown, and lists them', async () => {
    const real = await setup()
    const md = new File(['# Trip plan\n\nPack the **tent**.\n'], 'trip.md', { type: 'text/markdown' })
    await pickFiles('Import Markdown files', [md])
    await until(() => notice()?.textContent?.includes('Imported 1 note.'))
    const [note] = await real.api.notes.list({ notebookId: 'inbox' })
    expect(note!.title).toBe('Trip plan')
    expect((await real.api.notes.get({ id: note!.id })).text).toContain('Pack the tent.')
    await until(() => dom.container.querySelector('[role="option"]')?.textContent?.includes('Trip plan'))
  })

  it('names what it skipped, and why', async () => {
    await setup()
    const md = new File(['# Kept\n'], 'kept.md', { type: 'text/markdown' })
    const zip = new File(['not a zip at all'], 'broken.zip', { type: 'application/zip' })
    await pickFiles('Import Markdown files', [md, zip])
    await until(() => notice()?.textContent?.includes('Imported 1 note.'))
    expect(notice()!.textContent).toMatch(/Skipped broken\.zip: /)
  })

  it('says why an import failed, and imports nothing', async () => {
    const real = await setup()
    vi.spyOn(real.api.transfer, 'importMarkdown').mockRejectedValueOnce(new Error('the disk is full'))
    await pickFiles('Import Markdown files', [new File(['# A\n'], 'a.md')])
    await until(() => notice()?.textContent?.includes('Import failed: the disk is full'))
    expect(await real.api.notes.list({})).toEqual([])
    await act(async () => byName('Dismiss', 'button', notice()!)!.click())
    expect(notice()!.textContent).toBe('')
  })
})
