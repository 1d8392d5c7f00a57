import { TicklerError } from '../shared/rpc'
import type { LibraryChange } from './types'

/**
 * The library's write queue and its change events. Writes run one at a time, so a snapshot or a
 * read-modify-write never sees half of another write; a closed or read-only library refuses them.
 */
export class LibraryQueue {
  protected queue: Promise<unknown> = Promise.resolve()
  protected closed = false
  private readonly listeners = new Set<(change: LibraryChange) => void>()

  constructor(protected readonly readOnly: boolean) {}

  protected serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task)
    this.queue = run.catch(() => undefined)
    return run
  }

  protected enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new TicklerError('INTERNAL', 'The library is closed.'))
    if (this.readOnly) {
      return Promise.reject(
        new TicklerError('LOCKED', 'The library is open read-only; nothing can be saved.'),
      )
    }
    return this.serial(task)
  }

  protected emit(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change)
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
