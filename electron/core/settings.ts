import type { Low } from 'lowdb'
import { z } from 'zod'
import { DEFAULT_STANDARDS, Standard, StandardId } from '../shared/followups/standards'
import { isValidTimeZone } from '../shared/followups/zone'
import { LanguageChoice } from '../shared/language'
import { TicklerError } from '../shared/rpc'
import { changeSmallDoc, openSmallDoc } from './small-doc'
import type { CorruptFile } from './types'
import { WriteSignal } from './write-signal'

export const SETTINGS_SCHEMA_VERSION = 1

/** settings.json: follow-up standards the user can edit, and which standard new follow-ups default to. */
export const SettingsDoc = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  standards: z.array(Standard),
  defaultStandard: z.object({
    notebooks: z.record(z.string(), StandardId),
    tags: z.record(z.string(), StandardId),
    boards: z.record(z.string(), StandardId),
  }),
  /** Null follows the system's zone; set when the user wants follow-ups in another zone. */
  timeZone: z.string().nullable(),
  /** Folder kept holding an .ics of open follow-ups; null when the calendar feed is off. Older files lack it. */
  calendarFolder: z.string().nullable().default(null),
  /** The app's language: the system's, or one the user chose in Settings. Older files lack it. */
  language: LanguageChoice.default('system'),
})
export type SettingsDoc = z.infer<typeof SettingsDoc>

const fresh = (): SettingsDoc => ({
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  standards: DEFAULT_STANDARDS.map((s) => ({ ...s, offsets: [...s.offsets] })),
  defaultStandard: { notebooks: {}, tags: {}, boards: {} },
  timeZone: null,
  calendarFolder: null,
  language: 'system',
})

/** What decides which standard a new follow-up starts with. */
export interface DefaultTarget {
  notebookId: string
  tags: string[]
  board?: { boardId: string } | null
}

export interface Settings {
  readonly corrupt: CorruptFile | null
  /** Calls `listener` after each write of settings.json; returns how to stop. */
  onWrite(listener: () => void): () => void
  standards(): Standard[]
  saveStandard(standard: Standard): Promise<Standard[]>
  /** Removes a standard and every default that pointed at it. */
  deleteStandard(id: string): Promise<Standard[]>
  defaults(): SettingsDoc['defaultStandard']
  /** Which standard a new follow-up on this note starts with: a tag's default wins over the notebook's. */
  defaultStandardFor(note: DefaultTarget): string | null
  setDefaultStandard(
    scope: 'notebooks' | 'tags' | 'boards',
    key: string,
    standard: string | null,
  ): Promise<void>
  timeZone(): string | null
  calendarFolder(): string | null
  setCalendarFolder(folder: string | null): Promise<void>
  language(): LanguageChoice
  setLanguage(language: LanguageChoice): Promise<void>
}

export async function openSettings(dataDir: string, readOnly: boolean): Promise<Settings> {
  const { db, corrupt } = await openSmallDoc(dataDir, 'settings.json', SettingsDoc, fresh, readOnly)
  return new SettingsStore(db, corrupt, readOnly)
}

class SettingsStore implements Settings {
  private readonly signal = new WriteSignal()
  readonly onWrite = this.signal.onWrite.bind(this.signal)

  constructor(
    private readonly db: Low<SettingsDoc>,
    readonly corrupt: CorruptFile | null,
    private readonly readOnly: boolean,
  ) {}

  private async save(change: (doc: SettingsDoc) => void): Promise<void> {
    await changeSmallDoc(this.db, this.readOnly, change)
    this.signal.wrote()
  }

  standards(): Standard[] {
    return this.db.data.standards
  }

  async saveStandard(standard: Standard): Promise<Standard[]> {
    await this.save((doc) => {
      const i = doc.standards.findIndex((s) => s.id === standard.id)
      if (i >= 0) doc.standards[i] = standard
      else doc.standards.push(standard)
    })
    return this.standards()
  }

  async deleteStandard(id: string): Promise<Standard[]> {
    if (!this.db.data.standards.some((s) => s.id === id))
      throw new TicklerError('NOT_FOUND', `There is no follow-up standard "${id}".`)
    await this.save((doc) => {
      doc.standards = doc.standards.filter((s) => s.id !== id)
      for (const scope of Object.values(doc.defaultStandard)) {
        for (const [key, value] of Object.entries(scope)) if (value === id) delete scope[key]
      }
    })
    return this.standards()
  }

  defaults(): SettingsDoc['defaultStandard'] {
    return structuredClone(this.db.data.defaultStandard)
  }

  /** Most specific first: a tag says what kind of work it is, a board where it stands, a notebook whose it is. */
  defaultStandardFor(note: DefaultTarget): string | null {
    const d = this.db.data.defaultStandard
    const known = (id: string | undefined) =>
      id && this.db.data.standards.some((s) => s.id === id) ? id : null
    for (const tag of note.tags) {
      const id = known(d.tags[tag.toLocaleLowerCase()])
      if (id) return id
    }
    return (note.board && known(d.boards[note.board.boardId])) || known(d.notebooks[note.notebookId])
  }

  async setDefaultStandard(scope: 'notebooks' | 'tags' | 'boards', key: string, standard: string | null) {
    if (standard !== null && !this.db.data.standards.some((s) => s.id === standard)) {
      throw new TicklerError('NOT_FOUND', `There is no follow-up standard "${standard}".`)
    }
    const k = scope === 'tags' ? key.toLocaleLowerCase() : key
    await this.save((doc) => {
      if (standard === null) delete doc.defaultStandard[scope][k]
      else doc.defaultStandard[scope][k] = standard
    })
  }

  calendarFolder(): string | null {
    return this.db.data.calendarFolder
  }

  async setCalendarFolder(folder: string | null): Promise<void> {
    await this.save((doc) => {
      doc.calendarFolder = folder
    })
  }

  language(): LanguageChoice {
    return this.db.data.language
  }

  async setLanguage(language: LanguageChoice): Promise<void> {
    await this.save((doc) => {
      doc.language = language
    })
  }

  timeZone(): string | null {
    const tz = this.db.data.timeZone
    return tz && isValidTimeZone(tz) ? tz : null
  }
}
