import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { act } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { realApiPerTest, type RealApi } from '../../../electron/core/test-support/real-api'
import { App } from '../../app/App'
import { byName, mountPerTest, until } from '../../test/dom'

/*
 * Evernote and Trello import as the person sees it in the window (the Import menu, the progress, the
 * question about a repeat, the summary), on the real core. Only accessible names and App are used, so
 * the tests do not care which folder the import components live in.
 */
const dom = mountPerTest()
const openApi = realApiPerTest()
beforeEach(() => sessionStorage.clear())

const note = (title: string, body: string) =>
  `<note><title>${title}</title><created>20240101T090000Z</created><content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note><div>${body}</div></en-note>]]></content></note>`
const enex = (...notes: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<en-export application="Evernote">\n${notes.join('\n')}\n</en-export>\n`
const CLIENTS = enex(note('Quote for Acme', '200 units'), note('Call Kim', 'about the renewal'))
/** The second note is cut off mid-tag, as a download that stopped would leave it. */
const BROKEN = enex(
  note('Kept note', 'fine'),
  '<note><title>Cut off</title><content><![CDATA[<en-note><div',
).replace(/\n<\/en-export>\n$/, '')

async function setup() {
  const real = await openApi()
  await act(async () => dom.root.render(<App api={real.api} />))
  await until(() => byName('Import'))
  return real
}

/** Chooses files as the Import menu's Evernote/Trello item does: the picker is a hidden file input. */
async function importFiles(files: File[]) {
  await act(async () => byName('Import')!.click())
  await act(async () => byName('Import Evernote or Trello…')!.click())
  const input = byName<HTMLInputElement>(
    'Choose an Evernote export (.enex) or a Trello board (.json)',
    'input[type="file"]',
  )!
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })))
}
const summary = () => dom.container.querySelector('.import-summary[role="status"]')?.textContent ?? ''
const titlesIn = async (real: RealApi, notebook: string) => {
  const book = (await real.api.notebooks.list({})).find((nb) => nb.name === notebook)
  return book ? (await real.api.notes.list({ notebookId: book.id })).map((n) => n.title).sort() : []
}

describe('Evernote import', () => {
  it('imports an .enex into a new notebook named after the file', async () => {
    const real = await setup()
    await importFiles([new File([CLIENTS], 'clients.enex')])
    await until(() => summary().includes('clients.enex: 2 notes imported into "clients"'))
    expect(await titlesIn(real, 'clients')).toEqual(['Call Kim', 'Quote for Acme'])
  })

  it('imports into the notebook chosen under Into instead', async () => {
    const real = await setup()
    await act(async () => byName('Import')!.click())
    await act(async () => byName('Into: A new notebook named after each file')!.click())
    await act(async () => byName('Inbox', '[role^="menuitem"]')!.click())
    expect(byName('Into: Inbox')).toBeDefined()
    await act(async () => byName('Import')!.click())
    await importFiles([new File([CLIENTS], 'clients.enex')])
    await until(() => summary().includes('clients.enex: 2 notes imported into "Inbox"'))
    expect(await titlesIn(real, 'Inbox')).toEqual(['Call Kim', 'Quote for Acme'])
    expect(await titlesIn(real, 'clients')).toEqual([])
  })

  it('asks before importing the same file again, and does nothing when told not to', async () => {
    const real = await setup()
    await importFiles([new File([CLIENTS], 'clients.enex')])
    await until(() => summary().includes('2 notes imported'))
    await importFiles([new File([CLIENTS], 'clients.enex')])
    const ask = await until(() => byName<HTMLElement>('Import again', '[role="alertdialog"]'))
    expect(ask.textContent).toMatch(/^clients\.enex was already imported on .+\. Import it again\?/)
    await act(async () => byName("Don't import")!.click())
    expect(byName('Import again', '[role="alertdialog"]')).toBeUndefined()
    expect(await real.api.notes.list({})).toHaveLength(2)
  })

  it('imports the same file a second time when the person says so', async () => {
    const real = await setup()
    await importFiles([new File([CLIENTS], 'clients.enex')])
    await until(() => summary().includes('2 notes imported'))
    await importFiles([new File([CLIENTS], 'clients.enex')])
    await until(() => byName('Import again', '[role="alertdialog"] button'))
    await act(async () => byName('Import again', '[role="alertdialog"] button')!.click())
    await until(async () => (await real.api.notes.list({})).length === 4)
  })

  it('keeps what came in before a broken note and says where the file broke', async () => {
    const real = await setup()
    await importFiles([new File([BROKEN], 'broken.enex')])
    await until(() => summary().includes('could not be read to its end'))
    expect(summary()).toMatch(/^broken\.enex could not be read to its end \(line \d+, column \d+\): /)
    expect(summary()).toContain('The note imported before the error was kept.')
    expect(await titlesIn(real, 'broken')).toEqual(['Kept note'])
  })

  it('removes what a broken file imported when that option is ticked', async () => {
    const real = await setup()
    await act(async () => byName('Import')!.click())
    const option = [...dom.container.querySelectorAll('label')].find(
      (l) => l.textContent === 'If a file is broken, remove what it imported',
    )
    await act(async () => option!.querySelector('input')!.click())
    await act(async () => byName('Import')!.click())
    await importFiles([new File([BROKEN], 'broken.enex')])
    await until(() => summary().includes('could not be read to its end'))
    expect(summary()).toContain('The note imported before the error was removed.')
    expect(await titlesIn(real, 'broken')).toEqual([])
  })

  it('stops an import on Cancel, keeping the notes that came in before', async () => {
    const real = await setup()
    // Large enough that it is still running when its first batch is in (notes land 250 at a time).
    const many = enex(...Array.from({ length: 3000 }, (_, i) => note(`Note ${i}`, `body ${i}`)))
    await importFiles([new File([many], 'many.enex')])
    await until(() =>
      [...dom.container.querySelectorAll('.import-progress [role="status"]')].some((s) =>
        /^many\.enex: [1-9]\d* imported/.test(s.textContent ?? ''),
      ),
    )
    await act(async () => byName('Cancel import')!.click())
    await until(() => summary().includes('import cancelled after'))
    const kept = Number(/cancelled after (\d+) note/.exec(summary())![1])
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(3000)
    expect((await titlesIn(real, 'many')).length).toBe(kept)
  })

  it('refuses a file that is neither .enex nor .json, naming it', async () => {
    const real = await setup()
    await importFiles([new File(['hello'], 'notes.txt')])
    const alert = await until(() => dom.container.querySelector('.import-panel [role="alert"]'))
    expect(alert.textContent).toBe('notes.txt is not an .enex or .json file.')
    expect(await real.api.notes.list({})).toEqual([])
  })
})

describe('Trello import', () => {
  it('imports a board export as a board with its cards', async () => {
    const real = await setup()
    // Tests run from the repository root.
    const json = readFileSync(
      join(process.cwd(), 'electron/core/transfer/import/test-fixtures/board.json'),
      'utf8',
    )
    const { name } = JSON.parse(json) as { name: string }
    await importFiles([new File([json], 'board.json')])
    await until(() => summary().includes(`imported to the board "${name}"`))
    const [board] = await real.api.boards.list({})
    expect(board!.name).toBe(name)
    const count = Number(/: (\d+) cards? imported/.exec(summary())![1])
    expect(count).toBeGreaterThan(0)
    // Every card became a note; those of open lists are on the board (a closed list has no column).
    expect(await real.api.notes.list({})).toHaveLength(count)
    expect((await real.api.boards.cards({ id: board!.id })).length).toBeGreaterThan(0)
  })
})
