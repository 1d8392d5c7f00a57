import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { OWN_FIXTURES } from '../../core/transfer/import/test-support'
import { useMainApp } from '../testing/main-app'
import { buildMenuTemplate } from './menu'

type Item = { label?: string; type?: string; click?: () => void; submenu?: Item[] }
const fileMenu = (template: unknown) => (template as Item[]).find((m) => m.label === 'File')?.submenu ?? []

describe("the File menu's import section", () => {
  const base = {
    platform: 'linux' as const,
    appName: 'Tickler',
    dev: false,
    helpUrl: 'https://e.com',
    openExternal: () => undefined,
    newNote: () => undefined,
  }

  it('offers Import Markdown… and Import Evernote or Trello… together, each running its own import', () => {
    const chosen: string[] = []
    const transfer = {
      importMarkdown: () => void chosen.push('markdown'),
      importNotes: () => void chosen.push('notes'),
    }
    const items = fileMenu(buildMenuTemplate({ ...base, transfer }))
    expect(items.map((i) => i.label ?? i.type)).toEqual([
      'New Note',
      'separator',
      'Import Markdown…',
      'Import Evernote or Trello…',
      'separator',
      undefined, // Quit: Electron's own role label
    ])
    items.find((i) => i.label === 'Import Evernote or Trello…')?.click?.()
    items.find((i) => i.label === 'Import Markdown…')?.click?.()
    expect(chosen).toEqual(['notes', 'markdown'])
  })

  it('is absent when no import is wired', () => {
    const labels = fileMenu(buildMenuTemplate(base)).map((i) => i.label)
    expect(labels).not.toContain('Import Markdown…')
    expect(labels).not.toContain('Import Evernote or Trello…')
  })
})

describe('File > Import in the running app', () => {
  const app = useMainApp('tickler-transfer-menu')
  const choose = (label: string) =>
    fileMenu(app.fake.record.appMenu)
      .find((i) => i.label === label)
      ?.click?.()

  it('imports picked Markdown into Inbox and says how many in a message box', async () => {
    await app.started()
    const file = join(app.root, 'Trip plan.md')
    await writeFile(file, '# Trip plan\n\nPack the tent.\n')
    app.fake.record.pickPaths = [file]
    choose('Import Markdown…')
    await vi.waitFor(() => expect(app.fake.record.messageBoxes).toContain('Imported 1 note into Inbox.'))
    expect(app.fake.record.openDialogs).toEqual(['Import Markdown'])
    const list = await app.call('notes.list', {})
    expect(list).toMatchObject({ ok: true, value: [expect.objectContaining({ title: 'Trip plan' })] })
  })

  it('says why nothing was imported rather than failing silently', async () => {
    await app.started()
    const file = join(app.root, 'notes.txt')
    await writeFile(file, 'not Markdown')
    app.fake.record.pickPaths = [file]
    choose('Import Markdown…')
    await vi.waitFor(() =>
      expect(app.fake.record.messageBoxes).toContainEqual(expect.stringMatching(/^Nothing was imported: /)),
    )
  })

  it('hands picked Evernote files to the window as registered uploads it can start', async () => {
    await app.started()
    app.fake.record.pickPaths = [join(OWN_FIXTURES, 'full.enex')]
    choose('Import Evernote or Trello…')
    await vi.waitFor(() =>
      expect(app.fake.record.sent).toContainEqual([
        'tickler:event',
        {
          event: 'transfer.importOpened',
          payload: { uploads: [{ uploadId: expect.any(String), name: 'full.enex' }] },
        },
      ]),
    )
    const opened = app.fake.record.sent.find(
      ([, m]) => (m as { event: string }).event === 'transfer.importOpened',
    )![1] as { payload: { uploads: { uploadId: string }[] } }
    const started = await app.call('transfer.importStart', { uploadId: opened.payload.uploads[0]!.uploadId })
    expect(started).toMatchObject({ ok: true, value: { status: 'done', format: 'enex', imported: 2 } })
  })

  it('does nothing when the picker is cancelled', async () => {
    await app.started()
    choose('Import Evernote or Trello…')
    await vi.waitFor(() => expect(app.fake.record.openDialogs).toEqual(['Import Evernote or Trello']))
    expect(
      app.fake.record.sent.some(([, m]) => (m as { event: string }).event === 'transfer.importOpened'),
    ).toBe(false)
  })
})
