import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFlushGate } from './flush-gate'

afterEach(() => vi.useRealTimers())

describe('flush gate', () => {
  it('resolves when the renderer answers the request it was sent', async () => {
    const gate = createFlushGate()
    const sent: string[] = []
    const done = gate.request((id) => sent.push(id))
    gate.answer('someone-else')
    gate.answer(sent[0]!)
    await expect(done).resolves.toBe('flushed')
  })

  it('gives up after the timeout so a hung page cannot block quitting', async () => {
    vi.useFakeTimers()
    const gate = createFlushGate(3000)
    const done = gate.request(() => undefined)
    vi.advanceTimersByTime(2999)
    let settled = false
    void done.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    vi.advanceTimersByTime(1)
    await expect(done).resolves.toBe('timed-out')
  })

  it('keeps requests apart: each answer settles only its own', async () => {
    const gate = createFlushGate()
    const ids: string[] = []
    const first = gate.request((id) => ids.push(id))
    const second = gate.request((id) => ids.push(id))
    expect(new Set(ids).size).toBe(2)
    gate.answer(ids[1]!)
    await expect(second).resolves.toBe('flushed')
    gate.answer(ids[0]!)
    await expect(first).resolves.toBe('flushed')
  })
})
