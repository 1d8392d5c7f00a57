/**
 * Runs in the preview page before the app's own script and gives it the same `window.tickler` the
 * Electron preload exposes, over the preview server's HTTP API. The method list comes from the shared
 * contract through buildApi, so nothing here names a method.
 */
import type { Envelope, EventName } from '../../electron/shared/contract'
import { buildApi, type Call, type Subscribe } from '../../electron/shared/rpc'

const TOKEN_KEY = 'tickler.preview.token'

function readToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  // Kept for the tab's lifetime so a reload still works after the app rewrites or drops the query.
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const token = readToken()

const call: Call = async (name, input) => {
  let response: Response
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tickler-token': token },
      body: JSON.stringify(input ?? {}),
    })
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The preview server is unreachable: ${String(error)}` },
    }
  }
  try {
    return (await response.json()) as Envelope
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The preview server answered ${response.status}.` },
    }
  }
}

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>()
let source: EventSource | undefined

// One stream for all subscribers, opened on first use; EventSource reconnects by itself.
function ensureStream(): void {
  if (source) return
  source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
  source.onmessage = (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown }
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
}

const subscribe: Subscribe = (event, handler) => {
  ensureStream()
  const set = listeners.get(event) ?? new Set<Listener>()
  listeners.set(event, set)
  set.add(handler as Listener)
  return () => {
    set.delete(handler as Listener)
  }
}

Object.defineProperty(window, 'tickler', { value: buildApi(call, subscribe), enumerable: true })
