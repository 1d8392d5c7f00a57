import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveQueue, type Draft, type SaveRequest } from './autosave'

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

function recorder(fail?: (request: SaveRequest) => Error | undefined) {
  const calls: SaveRequest[] = []
  const revisions = new Map<string, number>()
  const save = async (request: SaveRequest) => {
    calls.push(structuredClone(request))
    const error = fail?.(request)
    if (error) throw error
    const revision = (revisions.get(request.id) ?? request.baseRevision ?? 0) + 1
    revisions.set(request.id, revision)
    return { revision }
  }
  return { calls, save }
}

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once after the debounce, with the latest content read at save time', async () => {
    const { calls, save } = recorder()
    const queue = new AutosaveQueue({ save, delayMs: 400 })
    queue.track('a', 3)
    let content: Draft = { title: 'H', doc: doc('') }
    const read = () => content
    queue.edit('a', read)
    content = { title: 'He', doc: doc('') }
    queue.edit('a', read)
    await vi.advanceTimersByTimeAsync(399)
    expect(calls).toHaveLength(0)
    expect(queue.stateOf('a')).toEqual({ kind: 'pending' })
    content = { title: 'Hello', doc: doc('body') }
    await vi.advanceTimersByTimeAsync(1)
    await queue.settle('a')
    expect(calls).toEqual([{ id: 'a', title: 'Hello', doc: doc('body'), baseRevision: 3 }])
    expect(queue.stateOf('a')).toEqual({ kind: 'saved' })
    expect(queue.revisionOf('a')).toBe(4)
  })

  it('flushing on a switch saves the edit to the note it was made in, not the one opened next', async () => {
    const { calls, save } = recorder()
    const queue = new AutosaveQueue({ save })
    queue.track('a', 1)
    // One editor instance reused for both notes: what it shows changes the moment the user switches.
    let shown: Draft = { title: 'Note A', doc: doc('typed into A') }
    queue.edit('a', () => shown)
    const flushed = queue.flushAll()
    shown = { title: 'Note B', doc: doc('content of B') }
    queue.track('b', 7)
    await flushed
    await vi.runAllTimersAsync()
    expect(calls).toEqual([{ id: 'a', title: 'Note A', doc: doc('typed into A'), baseRevision: 1 }])
    expect(queue.hasUnsaved('a')).toBe(false)
  })

  it('sends the revision returned by the previous save as the next baseRevision', async () => {
    const { calls, save } = recorder()
    const queue = new AutosaveQueue({ save })
    queue.track('a', 10)
    queue.edit('a', () => ({ title: 'one', doc: doc('') }))
    const first = queue.flush('a')
    queue.edit('a', () => ({ title: 'two', doc: doc('') }))
    await queue.flush('a')
    await first
    expect(calls.map((c) => [c.title, c.baseRevision])).toEqual([
      ['one', 10],
      ['two', 11],
    ])
  })

  it('reports a failed save and keeps the content for a retry', async () => {
    let down = true
    const { calls, save } = recorder(() => (down ? new Error('disk is full') : undefined))
    const queue = new AutosaveQueue({ save })
    queue.track('a', 2)
    let live: Draft = { title: 'kept', doc: doc('precious') }
    queue.edit('a', () => live)
    await queue.flush('a')
    expect(queue.stateOf('a')).toEqual({ kind: 'error', message: 'disk is full' })
    expect(queue.hasUnsaved('a')).toBe(true)
    // The editor moved on; the retry must still send what failed, not whatever is on screen now.
    live = { title: 'other note', doc: doc('') }
    expect(queue.unsavedDraft('a')).toEqual({ title: 'kept', doc: doc('precious') })
    down = false
    await queue.flushAll()
    expect(calls.at(-1)).toEqual({ id: 'a', title: 'kept', doc: doc('precious'), baseRevision: 2 })
    expect(queue.stateOf('a')).toEqual({ kind: 'saved' })
    expect(queue.hasUnsaved('a')).toBe(false)
  })

  it('a newer edit made while a save fails is not replaced by the failed content', async () => {
    let fail = true
    const { calls, save } = recorder(() => (fail ? new Error('offline') : undefined))
    const queue = new AutosaveQueue({ save })
    queue.edit('a', () => ({ title: 'old', doc: doc('') }))
    const saving = queue.flush('a')
    queue.edit('a', () => ({ title: 'newer', doc: doc('') }))
    await saving
    fail = false
    await queue.flush('a')
    expect(calls.at(-1)?.title).toBe('newer')
  })

  it('waits for an IME composition to end before a timed save, but an explicit flush does not wait', async () => {
    const { calls, save } = recorder()
    const queue = new AutosaveQueue({ save, delayMs: 400 })
    let composing = true
    queue.edit(
      'a',
      () => ({ title: '', doc: doc('한글') }),
      () => composing,
    )
    await vi.advanceTimersByTimeAsync(2000)
    expect(calls).toHaveLength(0)
    composing = false
    await vi.advanceTimersByTimeAsync(400)
    await queue.settle('a')
    expect(calls).toHaveLength(1)

    composing = true
    queue.edit(
      'a',
      () => ({ title: '', doc: doc('한글 입력') }),
      () => composing,
    )
    await queue.flush('a')
    expect(calls.at(-1)?.doc).toEqual(doc('한글 입력'))
  })

  it('notifies listeners and the saved callback', async () => {
    const { save } = recorder()
    const saved: [string, number][] = []
    const queue = new AutosaveQueue({ save })
    queue.onSaved((id, note) => saved.push([id, note.revision]))
    const seen: string[] = []
    queue.subscribe((id) => seen.push(`${id}:${queue.stateOf(id).kind}`))
    queue.edit('n1', () => ({ title: 't', doc: doc('') }))
    await queue.flush('n1')
    expect(seen).toEqual(['n1:pending', 'n1:saving', 'n1:saved'])
    expect(saved).toEqual([['n1', 1]])
  })

  it('tells listeners of a change of state only, not of every keystroke while one save waits', async () => {
    const { save } = recorder()
    const queue = new AutosaveQueue({ save })
    const seen: string[] = []
    queue.subscribe((id) => seen.push(`${id}:${queue.stateOf(id).kind}`))
    for (let i = 0; i < 20; i++) queue.edit('n1', () => ({ title: 't', doc: doc(`x${i}`) }))
    expect(seen).toEqual(['n1:pending'])
    await queue.flush('n1')
    queue.edit('n1', () => ({ title: 't', doc: doc('again') }))
    queue.edit('n1', () => ({ title: 't', doc: doc('again!') }))
    expect(seen).toEqual(['n1:pending', 'n1:saving', 'n1:saved', 'n1:pending'])
  })
})
