import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShortcutStatus } from '../../shared/contract-capture'
import { dispatch, type Handlers } from '../../shared/rpc'
import { openFollowUps, type FollowUpService } from '../followups/service'
import { RecordingNotifier } from '../followups/scheduler'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import type { Library } from '../types'
import { createCaptureHandlers, type CaptureHooks } from './handlers'

// Thursday 6 March 2025, 14:00 in Seoul.
const NOW = new Date('2025-03-06T05:00:00Z')
const tempDir = useTempDirs()
const open: { library: Library; followUps: FollowUpService }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.followUps.stop()
    await o.library.close()
  }
})

async function setUp(hooks?: CaptureHooks) {
  const dir = tempDir()
  const library = await openLibrary(dir, { now: () => NOW })
  const followUps = await openFollowUps(library, {
    clock: { now: () => NOW },
    notifier: new RecordingNotifier(),
    timeZone: () => 'Asia/Seoul',
  })
  open.push({ library, followUps })
  const handlers = createCaptureHandlers(library, followUps, { capture: hooks })
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(handlers as Handlers, name, input)
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as Record<string, unknown>
  }
  return { dir, library, call }
}

describe('capture handlers', () => {
  it('previews the reading with the due time in the user zone', async () => {
    const { call } = await setUp()
    expect(
      await call('capture.preview', { text: '#견적 견적 회신 확인 내일 오후 3시\n단가표 첨부' }),
    ).toEqual({
      title: '견적 회신 확인',
      body: '단가표 첨부',
      tags: ['견적'],
      followUp: { dueAt: '2025-03-07T15:00:00+09:00', phrase: '내일 오후 3시' },
    })
    expect(await call('capture.preview', { text: '  \n ' })).toMatchObject({
      error: expect.any(String) as string,
    })
  })

  it('saves a note with tags, body and a follow-up set through the follow-ups service', async () => {
    const { call, library } = await setUp()
    const note = await call('capture.save', {
      text: 'Call Kim about the quote #sales fri 10am\nprices attached',
    })
    expect(note).toMatchObject({
      title: 'Call Kim about the quote',
      notebookId: 'inbox',
      tags: ['sales'],
      text: 'prices attached',
      followUp: { dueAt: '2025-03-07T10:00:00+09:00', attempt: 1 },
    })
    // The follow-ups service recorded it, so the history shows how the follow-up came to be.
    expect((note.history as { kind: string }[]).map((h) => h.kind)).toContain('followup-set')
    expect(library.listNotes().map((n) => n.id)).toEqual([note.id])
  })

  it('keeps the phrase as words when the follow-up was removed, and honours the chosen notebook', async () => {
    const { call, library } = await setUp()
    const work = await library.createNotebook('Work')
    const note = await call('capture.save', {
      text: 'Call Kim fri 10am',
      ignoreFollowUp: true,
      notebookId: work.id,
    })
    expect(note).toMatchObject({ title: 'Call Kim fri 10am', notebookId: work.id, followUp: null })
  })

  it('refuses an empty capture and a notebook that does not exist, saving nothing', async () => {
    const { call, library } = await setUp()
    await expect(call('capture.save', { text: '\n  \n' })).rejects.toThrow(/BAD_INPUT: Type something/)
    await expect(call('capture.save', { text: 'x', notebookId: 'gone' })).rejects.toThrow()
    await expect(call('capture.updateSettings', { notebookId: 'gone' })).rejects.toThrow(/NOT_FOUND/)
    expect(library.listNotes()).toEqual([])
  })

  it('saves into the configured default notebook and remembers settings on disk', async () => {
    const { call, library, dir } = await setUp()
    const work = await library.createNotebook('Work')
    expect(await call('capture.updateSettings', { notebookId: work.id, keepInTray: true })).toEqual({
      notebookId: work.id,
      keepInTray: true,
    })
    expect(await call('capture.save', { text: 'Idea' })).toMatchObject({ notebookId: work.id })
    const doc = JSON.parse(await readFile(join(dir, 'capture.json'), 'utf8')) as Record<string, unknown>
    expect(doc).toMatchObject({ notebookId: work.id, keepInTray: true })
  })

  it('without a desktop host: remembers the shortcut, reports it unavailable, and hides nothing', async () => {
    const { call } = await setUp()
    expect(await call('settings.captureShortcut', {})).toMatchObject({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'unavailable',
    })
    expect(await call('settings.setCaptureShortcut', { accelerator: 'Alt+Shift+K' })).toMatchObject({
      accelerator: 'Alt+Shift+K',
    })
    expect(await call('settings.setCaptureShortcut', { accelerator: null })).toMatchObject({ state: 'off' })
    await expect(call('settings.setCaptureShortcut', { accelerator: 'Shift+K' })).rejects.toThrow(/BAD_INPUT/)
    expect(await call('capture.hide', {})).toEqual({ hidden: false })
    expect(await call('capture.readClipboard', {})).toMatchObject({ available: false })
  })

  it('hands hide, the clipboard and the shortcut to the desktop host when there is one', async () => {
    const status: ShortcutStatus = {
      accelerator: 'Alt+Shift+K',
      defaultAccelerator: 'CommandOrControl+Shift+Space',
      state: 'refused',
      refused: null,
    }
    const told: boolean[] = []
    const { call } = await setUp({
      hide: () => true,
      readClipboard: async () => ({
        text: 'https://example.com',
        url: 'https://example.com',
        title: 'Example',
      }),
      shortcutStatus: () => status,
      setShortcut: async (accelerator) => ({ ...status, accelerator, state: 'registered' }),
      keepInTrayChanged: (on) => told.push(on),
    })
    expect(await call('capture.hide', {})).toEqual({ hidden: true })
    expect(await call('capture.readClipboard', {})).toMatchObject({ available: true, title: 'Example' })
    expect(await call('settings.captureShortcut', {})).toMatchObject({ state: 'refused' })
    expect(await call('settings.setCaptureShortcut', { accelerator: 'Control+Alt+N' })).toMatchObject({
      accelerator: 'Control+Alt+N',
      state: 'registered',
    })
    await call('capture.updateSettings', { keepInTray: true })
    expect(told).toEqual([true])
  })
})
