import { describe, expect, it } from 'vitest'
import type { Envelope } from '../shared/contract'
import { methodNames } from '../shared/contract'
import { EVENT_CHANNEL } from '../shared/ipc-channels'
import { TicklerError, type Handlers } from '../shared/rpc'
import { createEmitter, FORBIDDEN_MESSAGE, registerIpc, type EventTarget } from './ipc'

type FakeEvent = { trusted: boolean }
type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<Envelope>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return {
    listeners,
    handle(channel: string, listener: Listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`)
      listeners.set(channel, listener)
    },
    removeHandler(channel: string) {
      listeners.delete(channel)
    },
    invoke(channel: string, event: FakeEvent, input: unknown) {
      const listener = listeners.get(channel)
      if (!listener) throw new Error(`No handler registered for '${channel}'`)
      return listener(event, input)
    },
  }
}

const notebook = { id: 'inbox', name: 'Inbox', createdAt: '2025-01-01T00:00:00.000Z' }
function fakeHandlers(calls: unknown[]): Handlers {
  const unexpected = () => {
    throw new Error('not used by this test')
  }
  const used: Partial<Handlers> = {
    'app.info': () => ({ version: '1.0.0', dataDir: 'lib', platform: 'linux', preview: false }),
    'notes.list': unexpected,
    'notes.get': ({ id }) => {
      throw new TicklerError('NOT_FOUND', `No note with id "${id}".`)
    },
    'notes.create': unexpected,
    'notes.update': unexpected,
    'notebooks.list': () => [{ ...notebook, noteCount: 0 }],
    'notebooks.create': (input) => {
      calls.push(input)
      return { ...notebook, id: 'nb1', name: input.name }
    },
    'shell.openExternal': unexpected,
  }
  // Methods added to the contract later are refused too, so this fake never needs listing them.
  return Object.fromEntries(methodNames.map((name) => [name, used[name] ?? unexpected])) as Handlers
}

function setup() {
  const ipcMain = fakeIpcMain()
  const calls: unknown[] = []
  const refused: string[] = []
  const unregister = registerIpc({
    ipcMain,
    handlers: fakeHandlers(calls),
    isTrustedSender: (event: FakeEvent) => event.trusted,
    onRefused: (channel) => refused.push(channel),
  })
  return { ipcMain, calls, refused, unregister }
}

const trusted = { trusted: true }

describe('registerIpc', () => {
  it('registers exactly one prefixed channel per contract method, and removes them all', () => {
    const { ipcMain, unregister } = setup()
    expect([...ipcMain.listeners.keys()].sort()).toEqual(methodNames.map((n) => `tickler:${n}`).sort())
    unregister()
    expect(ipcMain.listeners.size).toBe(0)
  })

  it('refuses an untrusted sender with FORBIDDEN before any handler runs', async () => {
    const { ipcMain, calls, refused } = setup()
    const result = await ipcMain.invoke('tickler:notebooks.create', { trusted: false }, { name: 'Work' })
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } })
    expect(calls).toEqual([])
    expect(refused).toEqual(['tickler:notebooks.create'])
  })

  it('answers bad input with BAD_INPUT and a message naming the field', async () => {
    const { ipcMain, calls } = setup()
    const result = await ipcMain.invoke('tickler:notebooks.create', trusted, { name: 42 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('BAD_INPUT')
    expect(result.error.message).toMatch(/^Invalid input for notebooks\.create: name: /)
    expect(calls).toEqual([])
  })

  it('dispatches good input to the handler with the parsed value', async () => {
    const { ipcMain, calls } = setup()
    const result = await ipcMain.invoke('tickler:notebooks.create', trusted, { name: '  Work  ' })
    expect(result).toEqual({ ok: true, value: { ...notebook, id: 'nb1', name: 'Work' } })
    // The contract trims names; the handler sees the parsed input, not the raw one.
    expect(calls).toEqual([{ name: 'Work' }])
  })

  it('treats a missing input as an empty object for methods without parameters', async () => {
    const { ipcMain } = setup()
    const result = await ipcMain.invoke('tickler:app.info', trusted, undefined)
    expect(result).toEqual({
      ok: true,
      value: { version: '1.0.0', dataDir: 'lib', platform: 'linux', preview: false },
    })
  })

  it('returns handler errors as envelopes that keep their code and message', async () => {
    const { ipcMain } = setup()
    const result = await ipcMain.invoke('tickler:notes.get', trusted, { id: 'missing' })
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No note with id "missing".' } })
    const internal = await ipcMain.invoke('tickler:notes.list', trusted, {})
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'not used by this test' } })
  })
})

describe('createEmitter', () => {
  function target(destroyed = false) {
    const sent: unknown[][] = []
    const t: EventTarget & { sent: unknown[][] } = {
      sent,
      send: (channel, message) => sent.push([channel, message]),
      isDestroyed: () => destroyed,
    }
    return t
  }

  it('sends {event, payload} on the event channel to every live window', () => {
    const a = target()
    const b = target()
    const gone = target(true)
    const emit = createEmitter(() => [a, b, gone])
    emit('library.changed', { noteIds: ['n1'], notebooks: false, summaries: [], removed: [] })
    const expected = [
      [EVENT_CHANNEL, { event: 'library.changed', payload: { noteIds: ['n1'], notebooks: false, summaries: [], removed: [] } }],
    ]
    expect(a.sent).toEqual(expected)
    expect(b.sent).toEqual(expected)
    expect(gone.sent).toEqual([])
  })

  it('throws on a payload that does not match the contract instead of sending it', () => {
    const a = target()
    const emit = createEmitter(() => [a])
    expect(() => emit('note.open', { id: 'not a valid id!' })).toThrow()
    expect(a.sent).toEqual([])
  })
})
