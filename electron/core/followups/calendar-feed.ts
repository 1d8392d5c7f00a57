import { stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { TicklerError } from '../../shared/rpc'
import { writeFileDurable } from '../durable-file'
import { refuseSystemFolder } from '../system-folders'
import type { Settings } from '../settings'
import type { Library } from '../types'
import { buildIcs } from './ics'
import { realTimers, type Timers } from './scheduler'

export const ICS_FILE_NAME = 'tickler-followups.ics'

export interface CalendarStatus {
  folder: string | null
  file: string | null
  /** When the file was last written by this run; null before the first write. */
  writtenAt: string | null
  error: string | null
  /** True where the host can show a folder dialog (Electron); the preview takes a typed path. */
  canPick: boolean
}

export interface CalendarFeedOptions {
  library: Pick<Library, 'listNotes' | 'onChange'>
  settings: Pick<Settings, 'standards' | 'calendarFolder' | 'setCalendarFolder'>
  now: () => Date
  timers?: Timers
  /** Changes arrive in bursts (typing, imports); one rewrite after they settle is enough. */
  debounceMs?: number
  write?: (path: string, text: string) => Promise<void>
  chooseFolder?: () => Promise<string | undefined>
}

/**
 * Keeps <folder>/tickler-followups.ics equal to the open follow-ups while a folder is set: written at
 * start (which also repairs a change missed at quit), then again a moment after library changes. Each
 * write is durable (temp file, fsync, rename), so a syncing client never reads half a calendar.
 */
export class CalendarFeed {
  private timer: unknown = null
  private unsubscribe: (() => void) | null = null
  private writing: Promise<void> = Promise.resolve()
  private writtenAt: string | null = null
  private error: string | null = null

  constructor(private readonly o: CalendarFeedOptions) {}

  private get timers(): Timers {
    return this.o.timers ?? realTimers
  }

  start(): void {
    this.unsubscribe ??= this.o.library.onChange(() => this.schedule())
    if (this.o.settings.calendarFolder()) void this.flush()
  }

  stop(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
  }

  /** Asks for a rewrite after the debounce; nothing happens while no folder is set. */
  schedule(): void {
    if (!this.o.settings.calendarFolder()) return
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = this.timers.set(() => {
      this.timer = null
      void this.flush()
    }, this.o.debounceMs ?? 1500)
  }

  /** Writes now (after any write in progress); failures are kept for status(), never thrown at a caller. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const folder = this.o.settings.calendarFolder()
      if (!folder) return
      const now = this.o.now()
      const text = buildIcs(this.o.library.listNotes(), { now, standards: this.o.settings.standards() })
      try {
        await (this.o.write ?? writeFileDurable)(join(folder, ICS_FILE_NAME), text)
        this.writtenAt = now.toISOString()
        this.error = null
      } catch (error) {
        this.error = `Could not write the calendar file: ${error instanceof Error ? error.message : String(error)}`
      }
    })
    return this.writing
  }

  /** Resolves once the write in progress (if any) has finished; starts none. */
  idle(): Promise<void> {
    return this.writing
  }

  status(): CalendarStatus {
    const folder = this.o.settings.calendarFolder()
    return {
      folder,
      file: folder ? join(folder, ICS_FILE_NAME) : null,
      writtenAt: folder ? this.writtenAt : null,
      error: folder ? this.error : null,
      canPick: Boolean(this.o.chooseFolder),
    }
  }

  /**
   * A typed folder (followups.setCalendarFolder), or null to turn the feed off. Where the host has a
   * folder dialog (Electron) only the dialog names a folder: a path from the page is refused, so nothing
   * the renderer sends decides where main writes.
   */
  async setFolder(folder: string | null): Promise<CalendarStatus> {
    if (folder !== null && this.o.chooseFolder)
      throw new TicklerError('BAD_INPUT', 'Choose the calendar folder with the folder dialog.')
    return this.useFolder(folder)
  }

  /** Turns the feed on for a folder (checked to exist and not to be a system folder) and writes at once. */
  private async useFolder(folder: string | null): Promise<CalendarStatus> {
    if (folder !== null) {
      if (!isAbsolute(folder)) throw new TicklerError('BAD_INPUT', 'Give the full path of a folder.')
      const info = await stat(folder).catch(() => null)
      if (!info?.isDirectory()) throw new TicklerError('BAD_INPUT', `There is no folder at "${folder}".`)
      await refuseSystemFolder(folder)
    }
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
    await this.o.settings.setCalendarFolder(folder)
    this.writtenAt = null
    this.error = null
    await this.flush()
    return this.status()
  }

  /** The host's folder dialog; a cancelled dialog changes nothing. */
  async pickFolder(): Promise<CalendarStatus> {
    if (!this.o.chooseFolder)
      throw new TicklerError('BAD_INPUT', 'This window cannot show a folder dialog; type the path.')
    const folder = await this.o.chooseFolder()
    return folder ? this.useFolder(folder) : this.status()
  }
}
