import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../library'
import { openSettings } from '../settings'
import { useTempDirs } from '../test-support/temp-dir'
import type { Library } from '../types'
import { CalendarFeed, ICS_FILE_NAME } from './calendar-feed'
import { RecordingNotifier } from './scheduler'
import { openFollowUps, type FollowUpService } from './service'
import { FakeTime } from './test-support'

const tempDir = useTempDirs()
const start = new Date('2030-06-03T09:00:00Z')
const DEBOUNCE = 2_000
const open: { fu: FollowUpService; library: Library }[] = []

afterEach(async () => {
  for (const { fu, library } of open.splice(0)) {
    fu.stop()
    await library.close()
  }
})

async function setup(dataDir = tempDir()) {
  const time = new FakeTime(start)
  const library = await openLibrary(dataDir, { now: time.now })
  const fu = await openFollowUps(library, {
    clock: time,
    timers: time,
    notifier: new RecordingNotifier(),
    timeZone: () => 'Asia/Seoul',
    calendarDebounceMs: DEBOUNCE,
  })
  open.push({ fu, library })
  await fu.start()
  const settle = () => fu.calendar.idle()
  return { time, library, fu, settle, dataDir }
}

const events = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\r\n')
    .filter((l) => l.startsWith('SUMMARY:'))

describe('calendar feed', () => {
  it('writes nothing while no folder is set', async () => {
    const { fu, library, time, settle, dataDir } = await setup()
    const note = await library.createNote({ title: 'Call Kim' })
    await fu.actions.set({ id: note.id, phrase: '내일 오후 3시' })
    await time.advance(DEBOUNCE * 2, settle)
    expect(fu.calendar.status()).toMatchObject({ folder: null, file: null, writtenAt: null, canPick: false })
    expect(existsSync(join(dataDir, ICS_FILE_NAME))).toBe(false)
  })

  it('writes at once when a folder is chosen, then once after a burst of changes settles', async () => {
    const { fu, library, time, settle } = await setup()
    const folder = tempDir()
    const file = join(folder, ICS_FILE_NAME)
    const first = await library.createNote({ title: 'Quote for Kim, 견적' })
    await fu.actions.set({ id: first.id, phrase: '내일 오후 3시', waitingOn: '김민준' })

    const status = await fu.calendar.setFolder(folder)
    expect(status).toMatchObject({ folder, file, writtenAt: start.toISOString(), error: null })
    expect(events(file)).toEqual(['SUMMARY:Quote for Kim\\, 견적'])

    const second = await library.createNote({ title: 'Acme renewal' })
    await fu.actions.set({ id: second.id, phrase: '2d', standard: 'sales-lead' })
    await fu.actions.done(first.id)
    // Not yet: the feed waits for the changes to settle.
    await time.advance(DEBOUNCE - 1, settle)
    expect(events(file)).toEqual(['SUMMARY:Quote for Kim\\, 견적'])
    await time.advance(1, settle)
    expect(events(file)).toEqual(['SUMMARY:Acme renewal'])
    expect(readFileSync(file, 'utf8')).toContain('DESCRIPTION:Attempt 1 of 5 (Sales lead)')
  })

  it('rewrites the whole file at start, so a change made just before quitting is not lost', async () => {
    const dataDir = tempDir()
    const folder = tempDir()
    const a = await setup(dataDir)
    await a.fu.calendar.setFolder(folder)
    const note = await a.library.createNote({ title: 'Late change' })
    await a.fu.actions.set({ id: note.id, phrase: '48h' })
    // Quit before the debounce fires.
    a.fu.stop()
    await a.library.close()
    open.splice(0)
    expect(events(join(folder, ICS_FILE_NAME))).toEqual([])

    const b = await setup(dataDir)
    await b.fu.calendar.flush()
    expect(b.fu.calendar.status().folder).toBe(folder)
    expect(events(join(folder, ICS_FILE_NAME))).toEqual(['SUMMARY:Late change'])
  })

  it('refuses a missing or relative folder and keeps the previous choice', async () => {
    const { fu } = await setup()
    const folder = tempDir()
    await fu.calendar.setFolder(folder)
    await expect(fu.calendar.setFolder(join(folder, 'nope'))).rejects.toThrow(/no folder/)
    await expect(fu.calendar.setFolder('relative/dir')).rejects.toThrow(/full path/)
    writeFileSync(join(folder, 'a-file'), 'x')
    await expect(fu.calendar.setFolder(join(folder, 'a-file'))).rejects.toThrow(/no folder/)
    expect(fu.calendar.status().folder).toBe(folder)
    await expect(fu.calendar.pickFolder()).rejects.toThrow(/folder dialog/)
  })

  it.each(['/etc', '/usr/local', '/', '/var/lib'])('refuses the system folder %s and writes nothing there', async (system) => {
    const { fu } = await setup()
    const folder = tempDir()
    await fu.calendar.setFolder(folder)
    await expect(fu.calendar.setFolder(system)).rejects.toThrow(
      `${system} is a system folder; Tickler writes its files only into your own folders.`,
    )
    expect(fu.calendar.status().folder).toBe(folder)
    expect(existsSync(join(system, ICS_FILE_NAME))).toBe(false)
  })

  it('refuses a link that leads into a system folder', async () => {
    const { fu } = await setup()
    const link = join(tempDir(), 'Dropbox')
    symlinkSync('/etc', link)
    await expect(fu.calendar.setFolder(link)).rejects.toThrow(/is a system folder/)
    expect(fu.calendar.status().folder).toBeNull()
    expect(existsSync(join('/etc', ICS_FILE_NAME))).toBe(false)
  })

  it('turning the feed off stops writing and survives a restart', async () => {
    const dataDir = tempDir()
    const { fu, library, time, settle } = await setup(dataDir)
    const folder = tempDir()
    await fu.calendar.setFolder(folder)
    expect(await fu.calendar.setFolder(null)).toMatchObject({ folder: null, file: null })
    const note = await library.createNote({ title: 'After off' })
    await fu.actions.set({ id: note.id, phrase: '48h' })
    await time.advance(DEBOUNCE * 2, settle)
    expect(events(join(folder, ICS_FILE_NAME))).toEqual([])
    expect((await openSettings(dataDir, true)).calendarFolder()).toBeNull()
  })
})

describe('CalendarFeed on its own', () => {
  it('reports a failed write in its status without throwing, and clears it on the next success', async () => {
    const time = new FakeTime(start)
    const folder = tempDir()
    let fail = true
    const writes: string[] = []
    const listeners: (() => void)[] = []
    let saved: string | null = null
    const feed = new CalendarFeed({
      library: {
        listNotes: () => [],
        onChange: (l) => (listeners.push(() => l({ noteIds: [] } as never)), () => undefined),
      },
      settings: {
        standards: () => [],
        calendarFolder: () => saved,
        setCalendarFolder: async (f) => void (saved = f),
      },
      now: time.now,
      timers: time,
      debounceMs: 100,
      write: async (path) => {
        if (fail) throw new Error('disk full')
        writes.push(path)
      },
      chooseFolder: async () => folder,
    })
    feed.start()
    const status = await feed.pickFolder()
    expect(status).toMatchObject({ folder, writtenAt: null, canPick: true })
    expect(status.error).toMatch(/disk full/)
    fail = false
    for (let i = 0; i < 5; i++) listeners.forEach((l) => l())
    await time.advance(100, () => feed.idle())
    expect(writes).toEqual([join(folder, ICS_FILE_NAME)])
    expect(feed.status()).toMatchObject({
      error: null,
      writtenAt: new Date(start.getTime() + 100).toISOString(),
    })
    feed.stop()
  })

  it('reads a settings file written before the calendar option existed', async () => {
    const dataDir = tempDir()
    mkdirSync(dataDir, { recursive: true })
    const settings = await openSettings(dataDir, false)
    await settings.setCalendarFolder('/somewhere')
    const raw = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    delete raw.calendarFolder
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(raw))
    const reopened = await openSettings(dataDir, false)
    expect(reopened.corrupt).toBeNull()
    expect(reopened.calendarFolder()).toBeNull()
  })
})

describe('CalendarFeed where the host has a folder dialog (Electron)', () => {
  it('takes a folder only from the dialog; a path sent by the page is refused, turning off still works', async () => {
    const folder = tempDir()
    let saved: string | null = null
    const writes: string[] = []
    const feed = new CalendarFeed({
      library: { listNotes: () => [], onChange: () => () => undefined },
      settings: { standards: () => [], calendarFolder: () => saved, setCalendarFolder: async (f) => void (saved = f) },
      now: () => start,
      write: async (path) => void writes.push(path),
      chooseFolder: async () => folder,
    })
    await expect(feed.setFolder('/etc')).rejects.toThrow('Choose the calendar folder with the folder dialog.')
    await expect(feed.setFolder(tempDir())).rejects.toThrow(/folder dialog/)
    expect(saved).toBeNull()
    expect(writes).toEqual([])
    expect(await feed.pickFolder()).toMatchObject({ folder, canPick: true })
    expect(writes).toEqual([join(folder, ICS_FILE_NAME)])
    expect(await feed.setFolder(null)).toMatchObject({ folder: null })
  })

  it('still refuses a system folder chosen in the dialog', async () => {
    let saved: string | null = null
    const feed = new CalendarFeed({
      library: { listNotes: () => [], onChange: () => () => undefined },
      settings: { standards: () => [], calendarFolder: () => saved, setCalendarFolder: async (f) => void (saved = f) },
      now: () => start,
      write: async () => undefined,
      chooseFolder: async () => '/etc',
    })
    await expect(feed.pickFolder()).rejects.toThrow(/is a system folder/)
    expect(saved).toBeNull()
  })
})
