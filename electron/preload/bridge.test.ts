import { describe, expect, it } from 'vitest'
import { methodNames } from '../shared/contract'
import { EVENT_CHANNEL } from '../shared/ipc-channels'
import { TicklerError } from '../shared/rpc'
import { createBridge, type IpcRendererLike } from './bridge'

type Listener = (event: unknown, message: unknown) => void

function fakeIpc(reply: (channel: string, input: unknown) => unknown) {
  const listeners = new Map<string, Set<Listener>>()
  const invoked: [string, unknown][] = []
  const ipc: IpcRendererLike = {
    invoke: (channel, input) => {
      invoked.push([channel, input])
      return Promise.resolve(reply(channel, input))
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)?.add(listener)
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  }
  const send = (channel: string, message: unknown) => listeners.get(channel)?.forEach((l) => l({}, message))
  return { ipc, invoked, listeners, send }
}

describe('createBridge', () => {
  it('exposes exactly the contract methods, nested by namespace, plus on()', () => {
    const api = createBridge(fakeIpc(() => ({ ok: true, value: null })).ipc) as unknown as Record<
      string,
      unknown
    >
    const exposed = Object.entries(api).flatMap(([ns, value]) =>
      typeof value === 'function' ? [ns] : Object.keys(value as object).map((m) => `${ns}.${m}`),
    )
    expect(exposed.sort()).toEqual([...methodNames, 'on'].sort())
  })

  it('invokes the method channel and unwraps the envelope', async () => {
    const fake = fakeIpc(() => ({ ok: true, value: [{ id: 'inbox' }] }))
    const api = createBridge(fake.ipc)
    await expect(api.notebooks.list({})).resolves.toEqual([{ id: 'inbox' }])
    expect(fake.invoked).toEqual([['tickler:notebooks.list', {}]])
  })

  it('turns an error envelope back into a TicklerError with its code and message', async () => {
    const fake = fakeIpc(() => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No note with id "x".' } }))
    const error = await createBridge(fake.ipc)
      .notes.get({ id: 'x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TicklerError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No note with id "x".' })
  })

  it('delivers only the subscribed event, and stops after unsubscribe', () => {
    const fake = fakeIpc(() => null)
    const api = createBridge(fake.ipc)
    const got: unknown[] = []
    const off = api.on('note.open', (payload) => got.push(payload))
    fake.send(EVENT_CHANNEL, { event: 'library.changed', payload: { noteIds: [], notebooks: true, summaries: [], removed: [] } })
    fake.send(EVENT_CHANNEL, { event: 'note.open', payload: { id: 'n1' } })
    fake.send(EVENT_CHANNEL, 'garbage')
    fake.send('some-other-channel', { event: 'note.open', payload: { id: 'n2' } })
    expect(got).toEqual([{ id: 'n1' }])
    off()
    expect(fake.listeners.get(EVENT_CHANNEL)?.size).toBe(0)
    fake.send(EVENT_CHANNEL, { event: 'note.open', payload: { id: 'n3' } })
    expect(got).toEqual([{ id: 'n1' }])
  })
})
