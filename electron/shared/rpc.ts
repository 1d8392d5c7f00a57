import type { z } from 'zod'
import {
  contract,
  methodNames,
  type Envelope,
  type ErrorCode,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type TicklerApi,
} from './contract'

export class TicklerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'TicklerError'
  }
}

/** Implementation of every contract method; core provides one, tests may provide fakes. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof contract)[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>
}

/** "title: a title is at most 500 characters; tags.0: a tag cannot be empty" */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/**
 * The single entry point every transport (IPC, preview HTTP, tests) goes through: the method name and
 * the input are untrusted here, so both are checked before any handler runs.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown): Promise<Envelope> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `Unknown method "${String(name)}".` } }
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `Invalid input for ${name}: ${describeZodError(parsed.error)}` },
    }
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (error) {
    if (error instanceof TicklerError) return { ok: false, error: { code: error.code, message: error.message } }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'INTERNAL', message } }
  }
}

/** Turns an envelope back into a value or a thrown TicklerError on the calling side. */
export function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.value
  throw new TicklerError(envelope.error.code, envelope.error.message)
}

export type Call = (name: MethodName, input: unknown) => Promise<Envelope>
export type Subscribe = <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) => () => void

/** Builds window.tickler (nested by namespace) from a transport, using the contract's method names. */
export function buildApi(call: Call, subscribe: Subscribe): TicklerApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const name of methodNames) {
    const [ns, method] = name.split('.') as [string, string]
    api[ns] ??= {}
    api[ns][method] = async (input: unknown) => unwrap(await call(name, input ?? {}))
  }
  return Object.assign(api, { on: subscribe }) as unknown as TicklerApi
}

export type { MethodInput, MethodOutput }
