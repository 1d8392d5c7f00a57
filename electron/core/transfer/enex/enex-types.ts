/** One <resource> of a note, already decoded to a temp file. */
export interface EnexResource {
  tempPath: string
  md5: string
  sha256: string
  size: number
  /** Over the per-attachment limit: nothing was kept beyond the limit, and the store must not be asked. */
  tooLarge: boolean
  mime: string
  fileName: string
}

/** An Evernote 10 <task>, shown in the note where its task group's placeholder sits. */
export interface EnexTask {
  title: string
  completed: boolean
  groupId: string
}

/** One <note> as read from the file, before its body is converted. */
export interface EnexNote {
  /** 1-based position of the note in the file, for messages. */
  index: number
  /** Line where the note started, for messages. */
  line: number
  title: string
  /** The note's Evernote guid, where the exporter wrote one (evernote-backup's --add-guid does); else null. */
  guid: string | null
  /** The ENML document (the CDATA of <content>). */
  content: string
  created: string | null
  updated: string | null
  tags: string[]
  sourceUrl: string | null
  reminderTime: string | null
  reminderDoneTime: string | null
  resources: EnexResource[]
  tasks: EnexTask[]
  /** The note is unusable (its body is over the size limit); the reason says why. */
  refused: string | null
}

/** A note with nothing read into it yet, at `index` (1-based) starting on `line`. */
export const blankEnexNote = (index: number, line: number, fields: Partial<EnexNote> = {}): EnexNote => ({
  index,
  line,
  title: '',
  guid: null,
  content: '',
  created: null,
  updated: null,
  tags: [],
  sourceUrl: null,
  reminderTime: null,
  reminderDoneTime: null,
  resources: [],
  tasks: [],
  refused: null,
  ...fields,
})

/** A fault that stops reading the file: a place and a sentence. */
export class EnexFault extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
    this.name = 'EnexFault'
  }
}
