/**
 * Listeners told after a store wrote its file: how whoever shares the store (sync) hears of a change
 * however it was made — a handler, an import, another service — without each caller telling it.
 */
export class WriteSignal {
  private readonly listeners = new Set<() => void>()

  /** Calls `listener` after each write; returns how to stop. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  wrote(): void {
    for (const listener of this.listeners) listener()
  }
}
