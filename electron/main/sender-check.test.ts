import { describe, expect, it } from 'vitest'
import type { RendererLocation } from './renderer-origin'
import { createSenderCheck, type SenderEventLike } from './sender-check'

const appRenderer: RendererLocation = { kind: 'app', url: 'app://tickler/index.html' }
const devRenderer: RendererLocation = { kind: 'dev', url: 'http://localhost:5173' }

function event(
  over: { id?: number; url?: string; parent?: unknown; routingId?: number; noFrame?: boolean } = {},
) {
  const main = { processId: 7, routingId: 1 }
  const e: SenderEventLike = {
    sender: { id: over.id ?? 1, mainFrame: main },
    senderFrame: over.noFrame
      ? null
      : {
          url: over.url ?? 'app://tickler/index.html#/notes',
          parent: over.parent ?? null,
          processId: 7,
          routingId: over.routingId ?? 1,
        },
  }
  return e
}

describe('createSenderCheck', () => {
  const check = createSenderCheck((id) => id === 1, appRenderer)

  it('accepts the main frame of our window showing our renderer', () => {
    expect(check(event())).toBe(true)
  })

  it('refuses other web contents, sub-frames, missing frames and foreign pages', () => {
    expect(check(event({ id: 2 }))).toBe(false)
    expect(check(event({ parent: { url: 'file:///x' } }))).toBe(false)
    expect(check(event({ routingId: 5 }))).toBe(false)
    expect(check(event({ noFrame: true }))).toBe(false)
    expect(check(event({ url: 'https://evil.example/index.html' }))).toBe(false)
    expect(check(event({ url: 'file:///tmp/downloaded.html' }))).toBe(false)
    expect(check(event({ url: 'file:///opt/Tickler/resources/app/out/renderer/index.html' }))).toBe(false)
    expect(check(event({ url: 'app://tickler/other.html' }))).toBe(false)
  })

  it('accepts the dev server origin in dev and nothing else', () => {
    const dev = createSenderCheck(() => true, devRenderer)
    expect(dev(event({ url: 'http://localhost:5173/index.html' }))).toBe(true)
    expect(dev(event({ url: 'http://localhost:5174/' }))).toBe(false)
    expect(dev(event({ url: 'http://127.0.0.1:5173/' }))).toBe(false)
    expect(dev(event())).toBe(false)
  })
})
