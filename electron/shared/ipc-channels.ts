import type { EventName, EventPayload, MethodName } from './contract'

/**
 * Electron IPC channel names, shared by main (which registers them) and the preload (which invokes them),
 * so neither side spells a channel by hand.
 */
export const METHOD_CHANNEL_PREFIX = 'tickler:'
export const EVENT_CHANNEL = 'tickler:event'

export function methodChannel(name: MethodName): `tickler:${MethodName}` {
  return `${METHOD_CHANNEL_PREFIX}${name}`
}

/** What travels on EVENT_CHANNEL: one channel for all events, filtered by name on the renderer side. */
export interface EventMessage<E extends EventName = EventName> {
  event: E
  payload: EventPayload<E>
}
