/**
 * Before a window closes or the app quits, each renderer is asked to save what its editor still holds
 * (autosave waits ~400 ms after a keystroke). The gate pairs each request with the renderer's answer and
 * gives up after a timeout, so a hung page can delay quitting but never prevent it.
 */
export function createFlushGate(timeoutMs = 3000) {
  const waiting = new Map<string, () => void>()
  let next = 0
  return {
    request(send: (requestId: string) => void): Promise<'flushed' | 'timed-out'> {
      const requestId = `flush-${++next}`
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId)
          resolve('timed-out')
        }, timeoutMs)
        waiting.set(requestId, () => {
          clearTimeout(timer)
          waiting.delete(requestId)
          resolve('flushed')
        })
        send(requestId)
      })
    },
    /** The renderer's answer; an unknown or late id is ignored. */
    answer(requestId: string): void {
      waiting.get(requestId)?.()
    },
  }
}
