import { EventEmitter } from 'node:events'
import type { ImapFlow } from 'imapflow'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Watcher } from './watcher'

/** Just enough of an ImapFlow client for the watcher: events, `usable` and an IDLE that waits. */
class FakeClient extends EventEmitter {
  usable = true
  idles = 0
  idle(): Promise<boolean> {
    this.idles++
    return new Promise(() => undefined)
  }
  close(): void {
    this.usable = false
    this.emit('close')
  }
}

function watch(catchUp: (client: FakeClient, n: number) => void) {
  const client = new FakeClient()
  let catchUps = 0
  const watcher = new Watcher({
    session: async (body) => body(client as unknown as ImapFlow),
    catchUp: async () => catchUp(client, ++catchUps),
    connected: () => undefined,
    failed: () => undefined,
    now: () => new Date(),
    pollMs: 60_000,
  })
  return { client, watcher, catchUps: () => catchUps }
}

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

it('catches up again at once when mail is announced in the middle of a catch-up, not a poll later', async () => {
  const w = watch((client, n) => {
    if (n === 1) client.emit('exists', { path: 'INBOX', count: 2, prevCount: 1 })
  })
  w.watcher.start()
  await vi.advanceTimersByTimeAsync(0)
  expect(w.catchUps()).toBe(2)
  expect(w.client.idles).toBe(1)
  const stopped = w.watcher.stop()
  await vi.advanceTimersByTimeAsync(0)
  await stopped
})

it('idles until the server announces mail, then catches up', async () => {
  const w = watch(() => undefined)
  w.watcher.start()
  await vi.advanceTimersByTimeAsync(30_000)
  expect(w.catchUps()).toBe(1)
  w.client.emit('exists', { path: 'INBOX', count: 3, prevCount: 2 })
  await vi.advanceTimersByTimeAsync(0)
  expect(w.catchUps()).toBe(2)
  const stopped = w.watcher.stop()
  await vi.advanceTimersByTimeAsync(0)
  await stopped
})
