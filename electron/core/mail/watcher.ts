import type { ImapFlow } from 'imapflow'
import { backoffMs } from './errors'
import { SessionError } from './session'

/**
 * Keeps one account up to date while the app runs: connect, catch up, then IDLE on the Inbox (where
 * replies and Bcc copies arrive) until the server reports new mail or `pollMs` passes (Sent and the
 * Tickler folder are re-read then), and again. A failure waits with back-off; a connection that worked
 * and then dropped is reconnected at once, and the catch-up after it reads from the saved position, so
 * nothing is missed and (notes being named by their message) nothing is doubled.
 */
export interface WatcherHooks {
  /** Connects, runs `body` with the logged-in client, logs out; throws SessionError. */
  session(body: (client: ImapFlow) => Promise<void>): Promise<void>
  catchUp(client: ImapFlow): Promise<void>
  connected(): void
  failed(error: SessionError, retryAt: Date): void
  now(): Date
  pollMs: number
  random?: () => number
}

export class Watcher {
  private running = false
  private wake: (() => void) | null = null
  private done: Promise<void> | null = null
  private client: ImapFlow | null = null
  /** Set when the server announces mail after the last catch-up began; the next wait is skipped. */
  private arrived = false

  constructor(private readonly hooks: WatcherHooks) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.done = this.loop()
  }

  /** Ends the wait (back-off or IDLE) now: "Check now" in Settings, or the system woke from sleep. */
  nudge(): void {
    this.wake?.()
  }

  async stop(): Promise<void> {
    this.running = false
    this.nudge()
    this.client?.close()
    await this.done
  }

  private async loop(): Promise<void> {
    let attempt = 0
    while (this.running) {
      try {
        await this.hooks.session(async (client) => {
          this.client = client
          attempt = 0
          // Listened to for the whole session, not only while idling: mail announced in the middle of a
          // catch-up (after it read that folder) would otherwise wait for the next poll.
          const onExists = () => {
            this.arrived = true
            this.wake?.()
          }
          client.on('exists', onExists)
          try {
            while (this.running) {
              this.arrived = false
              await this.hooks.catchUp(client)
              this.hooks.connected()
              if (!this.arrived) await this.idle(client)
            }
          } finally {
            client.off('exists', onExists)
          }
        })
      } catch (error) {
        this.client = null
        if (!this.running) break
        const failure =
          error instanceof SessionError
            ? error
            : new SessionError({ kind: 'other', message: String(error) }, null, false)
        // A working connection that dropped is retried at once; refusals and repeats wait longer each time.
        const wait =
          failure.wasConnected && attempt === 0 ? 0 : backoffMs(attempt + 1, failure.failure.kind, this.hooks.random)
        attempt++
        this.hooks.failed(failure, new Date(this.hooks.now().getTime() + wait))
        await this.pause(wait)
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer)
        this.wake = null
        resolve()
      }
      const timer = setTimeout(finish, ms)
      this.wake = finish
    })
  }

  /** Resolves when new mail is announced, the poll interval passes or a nudge comes; rejects on a drop. */
  private idle(client: ImapFlow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(), this.hooks.pollMs)
      const onClose = () => finish(new Error('the server closed the connection'))
      const finish = (error?: Error) => {
        clearTimeout(timer)
        client.off('close', onClose)
        this.wake = null
        if (error) reject(error)
        else resolve()
      }
      this.wake = () => finish()
      client.once('close', onClose)
      if (!client.usable) return finish(new Error('the server closed the connection'))
      // The next command (the catch-up) ends IDLE; a failed IDLE shows up as the close above.
      void client.idle().catch(() => undefined)
    })
  }
}
