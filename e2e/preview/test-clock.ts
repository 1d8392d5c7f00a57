import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FollowUpNotification } from '../../electron/core/index'

/**
 * A clock the preview's core reads instead of Date.now(), so Playwright can move time forward and watch
 * follow-ups come due. Exists only in the preview: the app's main process uses the real clock.
 */
export class TestClock {
  private offset = 0
  now(): Date {
    return new Date(Date.now() + this.offset)
  }
  advance(ms: number): void {
    this.offset += ms
  }
  set(to: Date): void {
    this.offset = to.getTime() - Date.now()
  }
}

/** What the test-only endpoints reach in the backend. */
export interface PreviewTesting {
  clock: TestClock
  notifications(): FollowUpNotification[]
  /** Runs the scheduler's check, as main does after resume or a system clock change. */
  recheck(): Promise<void>
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}

/**
 * POST /test/clock {advanceMs} | {to: ISO} → {now}; GET /test/notifications → recorded notifications.
 * The caller has already checked the preview token. Returns false for any other path.
 */
export async function handleTestRoute(
  testing: PreviewTesting | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: () => Promise<string | undefined>,
): Promise<boolean> {
  if (!url.pathname.startsWith('/test/')) return false
  if (!testing) return (json(res, 404, { error: 'This backend has no test controls.' }), true)
  if (url.pathname === '/test/notifications' && req.method === 'GET') {
    return (json(res, 200, { notifications: testing.notifications() }), true)
  }
  if (url.pathname === '/test/clock' && req.method === 'POST') {
    let input: { advanceMs?: unknown; to?: unknown }
    try {
      input = JSON.parse((await body()) || '{}') as typeof input
    } catch {
      return (json(res, 400, { error: 'The body is not JSON.' }), true)
    }
    if (typeof input.advanceMs === 'number' && Number.isFinite(input.advanceMs))
      testing.clock.advance(input.advanceMs)
    else if (typeof input.to === 'string' && !Number.isNaN(Date.parse(input.to)))
      testing.clock.set(new Date(input.to))
    else return (json(res, 400, { error: 'Send {"advanceMs": number} or {"to": "<ISO time>"}.' }), true)
    await testing.recheck()
    return (json(res, 200, { now: testing.clock.now().toISOString() }), true)
  }
  return (json(res, 404, { error: 'Unknown test route.' }), true)
}
