import type { Envelope, EventName, EventPayload } from '../../shared/contract'
import { events, methodNames } from '../../shared/contract'
import { EVENT_CHANNEL, methodChannel, type EventMessage } from '../../shared/ipc-channels'
import { dispatch, type Handlers } from '../../shared/rpc'

/** The slice of Electron's ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<Envelope>): void
  removeHandler(channel: string): void
}

export interface RegisterIpcOptions<E> {
  ipcMain: IpcMainLike<E>
  handlers: Handlers
  isTrustedSender: (event: E) => boolean
  /** Told about refused callers; defaults to a console warning. */
  onRefused?: (channel: string) => void
}

export const FORBIDDEN_MESSAGE = 'This window is not allowed to use the Tickler library.'

/**
 * One ipcMain.handle per contract method. Results and errors both travel as envelopes, because a thrown
 * error loses its code and most of its message on the way through Electron's IPC.
 * Returns a function that removes every handler again.
 */
export function registerIpc<E>({
  ipcMain,
  handlers,
  isTrustedSender,
  onRefused,
}: RegisterIpcOptions<E>): () => void {
  const refused =
    onRefused ?? ((channel) => console.warn(`Refused IPC call on ${channel} from an untrusted frame`))
  const channels = methodNames.map((name) => {
    const channel = methodChannel(name)
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) {
        refused(channel)
        return { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } }
      }
      return dispatch(handlers, name, input)
    })
    return channel
  })
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel))
}

export interface EventTarget {
  send(channel: string, message: EventMessage): void
  isDestroyed(): boolean
}

/**
 * Sends a typed event to every live window. The payload is checked against the contract first so a core
 * change that drifts from the declared event shape fails loudly here instead of confusing the renderer.
 */
export function createEmitter(targets: () => Iterable<EventTarget>) {
  return function emit<N extends EventName>(event: N, payload: EventPayload<N>): void {
    const message = { event, payload: events[event].parse(payload) } as EventMessage
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(EVENT_CHANNEL, message)
    }
  }
}
