import { INBOX_ID } from '../../shared/domain/notes'
import type { Note } from '../../shared/model'
import type { Timers } from './scheduler'

/** A note with just enough to follow it up; tests set the follow-up through the engine. */
export function makeNote(id: string, createdAt: Date, title = `note ${id}`): Note {
  return {
    schemaVersion: 3,
    id,
    title,
    doc: { type: 'doc' },
    text: '',
    notebookId: INBOX_ID,
    tags: [],
    createdAt: createdAt.toISOString(),
    updatedAt: createdAt.toISOString(),
    revision: 1,
    followUp: null,
    doneAt: null,
    archivedAt: null,
    trashedAt: null,
    history: [],
    board: null,
  }
}

/**
 * Fake time for scheduler tests. Timers run on a monotonic clock; the wall clock is that plus a skew
 * the test can jump (a user changing the system time). Sleeping advances both without firing timers,
 * as a suspended machine does.
 */
export class FakeTime implements Timers {
  mono = 0
  skew: number
  private seq = 0
  private pending = new Map<number, { at: number; fn: () => void }>()
  /** Every delay ever asked for, so tests can assert none exceeded the platform limit. */
  readonly requested: number[] = []

  constructor(start: Date) {
    this.skew = start.getTime()
  }
  now = (): Date => new Date(this.mono + this.skew)
  set(fn: () => void, ms: number): number {
    this.requested.push(ms)
    const id = ++this.seq
    this.pending.set(id, { at: this.mono + ms, fn })
    return id
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number)
  }
  get live(): number {
    return this.pending.size
  }
  /** Runs timers due within `ms`, each at its exact time, letting the async work they start finish. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.mono + ms
    for (;;) {
      const next = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!next || next[1].at > end) break
      this.pending.delete(next[0])
      this.mono = Math.max(this.mono, next[1].at)
      next[1].fn()
      await settle()
    }
    this.mono = end
  }
  /** Asleep: time passes and no timer fires until something re-checks. */
  sleep(ms: number): void {
    for (const t of this.pending.values()) t.at += ms
    this.skew += ms
  }
  jump(ms: number): void {
    this.skew += ms
  }
}
