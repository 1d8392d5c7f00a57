import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { randomHex } from '../../random-hex'
import { Base64Sink } from './base64-sink'
import { blankEnexNote, EnexFault, type EnexNote, type EnexResource, type EnexTask } from './enex-types'
import { StrayAmpersands } from './stray-ampersands'
import { drainText, dropCdata, pendingCdataLength } from './sax-text'
import { isRecoverable, refuseInternalSubset, splitSaxesMessage } from './xml-safety'

export interface ReadEnexOptions {
  /** Where decoded resources wait until their note is written; the caller removes the folder. */
  tempDir: string
  maxAttachmentBytes: number
  /** A note body (ENML) longer than this is refused rather than held in memory. */
  maxContentChars: number
  signal?: AbortSignal
  /** Bytes of the file read so far, after each chunk. */
  onBytes?: (bytes: number) => void
  /** A recoverable fault (a stray "&"), reported and read past. */
  onWarning?: (message: string) => void
}

const CHUNK = 256 * 1024
/** Short fields (title, tag, dates) are capped so a hostile file cannot grow them without bound. */
const MAX_FIELD = 64 * 1024

/**
 * Streams an ENEX file note by note: each complete <note> is handed to onNote (awaited) before more of
 * the file is read, so memory holds one note's text and never a resource's bytes.
 */
export async function readEnex(
  path: string,
  options: ReadEnexOptions,
  onNote: (note: EnexNote) => Promise<void>,
): Promise<void> {
  const parser = new SaxesParser({ position: true })
  const ready: EnexNote[] = []
  const stack: string[] = []
  let note: EnexNote | null = null
  let resource: Partial<EnexResource> | null = null
  let sink: Base64Sink | null = null
  let task: Partial<EnexTask> | null = null
  let field = ''
  let fault: EnexFault | null = null
  let count = 0

  // Resources already decoded stay in tempDir, which the caller removes whatever happens.
  const discardNote = () => {
    sink?.discard()
    sink = null
    note = null
  }

  parser.on('doctype', (doctype) => {
    const refusal = refuseInternalSubset(doctype)
    if (refusal) fault ??= new EnexFault(refusal, parser.line, parser.column)
  })
  parser.on('error', (error) => {
    const { line, column, message } = splitSaxesMessage(error.message, parser)
    if (isRecoverable(message)) options.onWarning?.(`line ${line}, column ${column}: ${message}`)
    else fault ??= new EnexFault(message, line, column)
  })
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1)
    stack.push(tag.name)
    field = ''
    if (tag.name === 'en-note' && stack.length === 1) {
      fault ??= new EnexFault('this is a bare ENML note, not an ENEX export', parser.line, parser.column)
    } else if (tag.name === 'note' && parent === 'en-export') {
      note = blankEnexNote(++count, parser.line)
    } else if (note && tag.name === 'resource' && parent === 'note') {
      resource = { mime: 'application/octet-stream', fileName: '' }
    } else if (note && resource && tag.name === 'data' && parent === 'resource') {
      sink = new Base64Sink(
        join(options.tempDir, `res-${randomHex(8)}`),
        options.maxAttachmentBytes,
      )
    } else if (note && tag.name === 'task' && parent === 'note') {
      task = { title: '', completed: false, groupId: '' }
    }
  })
  parser.on('text', (text) => {
    if (sink) sink.write(text)
    else if (note && field.length < MAX_FIELD) field += text
  })
  parser.on('cdata', (cdata) => {
    if (note && stack.at(-1) === 'content' && !note.refused) note.content += cdata
  })
  parser.on('closetag', (tag) => {
    stack.pop()
    // After a fatal fault nothing more is trusted: a note closing later may be half of something else.
    if (fault) return
    const parent = stack.at(-1)
    const value = field.trim()
    field = ''
    if (!note) return
    if (sink && tag.name === 'data') {
      const done = sink.finish()
      Object.assign(resource ?? {}, { tempPath: sink.path, ...done })
      sink = null
    } else if (resource && parent === 'resource' && tag.name === 'mime')
      resource.mime = value || resource.mime
    else if (resource && parent === 'resource-attributes' && tag.name === 'file-name')
      resource.fileName = value
    else if (resource && tag.name === 'resource' && parent === 'note') {
      if (resource.tempPath) note.resources.push(resource as EnexResource)
      resource = null
    } else if (task && parent === 'task') {
      if (tag.name === 'title') task.title = value
      else if (tag.name === 'taskStatus') task.completed = value === 'completed'
      else if (tag.name === 'taskGroupNoteLevelID') task.groupId = value
    } else if (task && tag.name === 'task') {
      note.tasks.push(task as EnexTask)
      task = null
    } else if (parent === 'note') {
      if (tag.name === 'title') note.title = value
      else if (tag.name === 'guid') note.guid = value || null
      else if (tag.name === 'created') note.created = value
      else if (tag.name === 'updated') note.updated = value
      else if (tag.name === 'tag' && value) note.tags.push(value)
      else if (tag.name === 'note') return
    } else if (parent === 'note-attributes') {
      if (tag.name === 'source-url') note.sourceUrl = value || null
      else if (tag.name === 'reminder-time') note.reminderTime = value || null
      else if (tag.name === 'reminder-done-time') note.reminderDoneTime = value || null
    }
    if (tag.name === 'note' && parent === 'en-export') {
      ready.push(note)
      note = null
    }
  })

  const flush = async () => {
    while (ready.length) {
      if (options.signal?.aborted) return
      await onNote(ready.shift()!)
    }
  }

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK })
  let bytes = 0
  let first = true
  const ampersands = new StrayAmpersands()
  try {
    for await (const raw of stream as AsyncIterable<string>) {
      if (options.signal?.aborted) break
      const chunk = first ? raw.replace(/^\uFEFF/, '') : raw
      first = false
      bytes += Buffer.byteLength(raw)
      parser.write(ampersands.push(chunk))
      // Read through functions: TypeScript cannot see the handlers above assign these between writes.
      const open = { sink: sink as Base64Sink | null, note: note as EnexNote | null }
      if (open.sink) open.sink.write(drainText(parser))
      if (open.note && pendingCdataLength(parser) + open.note.content.length > options.maxContentChars) {
        open.note.refused ??= `its text is larger than ${Math.round(options.maxContentChars / 1e6)} million characters`
        dropCdata(parser)
      }
      if (fault) break
      await flush()
      options.onBytes?.(bytes)
    }
    if (!fault && !options.signal?.aborted) parser.write(ampersands.end()).close()
    if (ampersands.count) options.onWarning?.(`${ampersands.count} stray "&" read as text`)
    // Notes completed before a fault are whole; whether they stay is the caller's choice.
    if (!options.signal?.aborted) await flush()
  } finally {
    stream.destroy()
    if (fault || options.signal?.aborted) discardNote()
  }
  // Assigned inside the parser's handlers, which TypeScript's flow analysis cannot follow.
  const stopped = fault as EnexFault | null
  if (stopped) throw stopped
}
