import type { NoteDoc } from '../../../electron/shared/model'
import { messageOf } from '../../ui/message-of'

export interface Draft {
  title: string
  doc: NoteDoc
}

export interface SaveRequest extends Draft {
  id: string
  baseRevision?: number
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }

export interface AutosaveOptions<R extends { revision: number }> {
  save: (request: SaveRequest) => Promise<R>
  delayMs?: number
}

interface Entry {
  /** Reads the note's current content; set while an edit has not been handed to `save` yet. */
  read: (() => Draft) | null
  /** While true (IME composition), a timer-driven save waits; an explicit flush does not. */
  hold: (() => boolean) | undefined
  timer: ReturnType<typeof setTimeout> | undefined
  /** Saves of one note run one after another so each can send the revision the previous one returned. */
  chain: Promise<void>
  inFlight: number
  revision: number | undefined
  state: SaveState
}

const IDLE: SaveState = { kind: 'idle' }

const sameState = (a: SaveState, b: SaveState) =>
  a.kind === b.kind && (a.kind !== 'error' || b.kind !== 'error' || a.message === b.message)

/**
 * Debounced saving keyed by note id. Every edit is recorded against the note it was made in, so a save
 * that fires after the user has moved to another note still lands in the right one.
 */
export class AutosaveQueue<R extends { revision: number } = { revision: number }> {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<(noteId: string) => void>()
  private readonly savedListeners = new Set<(noteId: string, result: R) => void>()
  private readonly delayMs: number

  constructor(private readonly options: AutosaveOptions<R>) {
    this.delayMs = options.delayMs ?? 400
  }

  /** Records the revision an editor was opened at, which becomes the next save's baseRevision. */
  track(noteId: string, revision: number): void {
    this.entry(noteId).revision = revision
  }

  revisionOf(noteId: string): number | undefined {
    return this.entries.get(noteId)?.revision
  }

  stateOf(noteId: string): SaveState {
    return this.entries.get(noteId)?.state ?? IDLE
  }

  /** True while an edit is waiting, being saved, or failed and kept for retry. */
  hasUnsaved(noteId: string): boolean {
    const entry = this.entries.get(noteId)
    return !!entry && (entry.read !== null || entry.inFlight > 0)
  }

  /** The content of an edit that has not reached storage, e.g. one whose save failed. */
  unsavedDraft(noteId: string): Draft | undefined {
    const read = this.entries.get(noteId)?.read
    if (!read) return undefined
    try {
      return read()
    } catch {
      return undefined
    }
  }

  edit(noteId: string, read: () => Draft, hold?: () => boolean): void {
    const entry = this.entry(noteId)
    entry.read = read
    entry.hold = hold
    this.arm(noteId, entry)
    this.setState(noteId, entry, { kind: 'pending' })
  }

  /**
   * Saves the note's pending edit now. The content is read synchronously, before this returns, so a
   * caller may switch the editor to another note right after calling it.
   */
  flush(noteId: string): Promise<void> {
    const entry = this.entries.get(noteId)
    if (!entry) return Promise.resolve()
    clearTimeout(entry.timer)
    entry.timer = undefined
    const read = entry.read
    if (!read) return entry.chain
    let draft: Draft
    try {
      draft = read()
    } catch (error) {
      this.setState(noteId, entry, { kind: 'error', message: messageOf(error) })
      return entry.chain
    }
    entry.read = null
    entry.inFlight += 1
    this.setState(noteId, entry, { kind: 'saving' })
    entry.chain = entry.chain.then(() => this.send(noteId, entry, draft))
    return entry.chain
  }

  /** Flushes every note with a pending or failed edit; used on note switch, hide and unload. */
  flushAll(): Promise<void> {
    return Promise.all([...this.entries.keys()].map((id) => this.flush(id))).then(() => undefined)
  }

  /** Resolves once no save of this note is running, so a reload cannot overtake it. */
  settle(noteId: string): Promise<void> {
    return this.entries.get(noteId)?.chain ?? Promise.resolve()
  }

  subscribe(listener: (noteId: string) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Called with what `save` returned, e.g. to update the note list without another round trip. */
  onSaved(listener: (noteId: string, result: R) => void): () => void {
    this.savedListeners.add(listener)
    return () => this.savedListeners.delete(listener)
  }

  dispose(): void {
    for (const entry of this.entries.values()) clearTimeout(entry.timer)
    this.listeners.clear()
    this.savedListeners.clear()
  }

  private async send(noteId: string, entry: Entry, draft: Draft): Promise<void> {
    try {
      const request: SaveRequest = { id: noteId, title: draft.title, doc: draft.doc }
      if (entry.revision !== undefined) request.baseRevision = entry.revision
      const result = await this.options.save(request)
      entry.revision = result.revision
      entry.inFlight -= 1
      for (const listener of this.savedListeners) listener(noteId, result)
      if (entry.read === null && entry.inFlight === 0) this.setState(noteId, entry, { kind: 'saved' })
    } catch (error) {
      entry.inFlight -= 1
      // Keep the failed content for a retry unless a newer edit already superseded it.
      if (entry.read === null) entry.read = () => draft
      this.setState(noteId, entry, { kind: 'error', message: messageOf(error) })
    }
  }

  private arm(noteId: string, entry: Entry): void {
    clearTimeout(entry.timer)
    entry.timer = setTimeout(() => {
      entry.timer = undefined
      if (entry.hold?.()) this.arm(noteId, entry)
      else void this.flush(noteId)
    }, this.delayMs)
  }

  private entry(noteId: string): Entry {
    let entry = this.entries.get(noteId)
    if (!entry) {
      entry = {
        read: null,
        hold: undefined,
        timer: undefined,
        chain: Promise.resolve(),
        inFlight: 0,
        revision: undefined,
        state: IDLE,
      }
      this.entries.set(noteId, entry)
    }
    return entry
  }

  /**
   * Listeners hear only real changes: every keystroke calls edit(), and a note already waiting to save must
   * not make the window re-render on each one.
   */
  private setState(noteId: string, entry: Entry, state: SaveState): void {
    if (sameState(entry.state, state)) return
    entry.state = state
    for (const listener of this.listeners) listener(noteId)
  }
}
