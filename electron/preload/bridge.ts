import type { Envelope, EventName, EventPayload, TicklerApi } from '../shared/contract'
import { EVENT_CHANNEL, methodChannel, type EventMessage } from '../shared/ipc-channels'
import { buildApi } from '../shared/rpc'

type Listener = (event: unknown, message: unknown) => void

/** The slice of ipcRenderer the bridge needs; a fake stands in for it in tests. */
export interface IpcRendererLike {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(channel: string, listener: Listener): unknown
  removeListener(channel: string, listener: Listener): unknown
}

function isEventMessage(message: unknown): message is EventMessage {
  return typeof message === 'object' && message !== null && 'event' in message && 'payload' in message
}

/**
 * window.tickler: one function per contract method plus `on(event, handler)`. The renderer never sees
 * ipcRenderer or a channel name, so it cannot reach a channel the contract does not declare.
 */
export function createBridge(ipc: IpcRendererLike): TicklerApi {
  const call = (name: Parameters<typeof methodChannel>[0], input: unknown) =>
    ipc.invoke(methodChannel(name), input) as Promise<Envelope>
  const subscribe = <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) => {
    const listener: Listener = (_event, message) => {
      if (isEventMessage(message) && message.event === event) handler(message.payload as EventPayload<E>)
    }
    ipc.on(EVENT_CHANNEL, listener)
    return () => {
      ipc.removeListener(EVENT_CHANNEL, listener)
    }
  }
  return buildApi(call, subscribe)
}
