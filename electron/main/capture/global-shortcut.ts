import { DEFAULT_CAPTURE_SHORTCUT, type ShortcutStatus } from '../../shared/contract-capture'

/** The slice of Electron's globalShortcut used here, so tests pass a fake. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean
  unregister(accelerator: string): void
}

/** Where the chosen shortcut is remembered (core's capture.json). */
export interface ShortcutStore {
  shortcut(): string | null
  setShortcut(accelerator: string | null): Promise<void>
}

export interface ShortcutManagerOptions {
  globalShortcut: GlobalShortcutLike
  store: ShortcutStore
  onTrigger: () => void
  /** Told whenever the state changes, e.g. to send 'capture.shortcutStatus' to the windows. */
  onStatus(status: ShortcutStatus): void
  /** On Wayland a registration can succeed and still never fire outside some apps. */
  wayland: boolean
}

export interface ShortcutManager {
  start(): ShortcutStatus
  status(): ShortcutStatus
  change(accelerator: string | null): Promise<ShortcutStatus>
  stop(): void
}

/** True on a Linux Wayland session, where global shortcuts go through the desktop portal, if anywhere. */
export function isWaylandSession(platform: string, env: Record<string, string | undefined>): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY))
}

/** `tickler --capture`: what a user binds to a desktop shortcut where the app's own cannot work. */
export const wantsCapture = (argv: readonly string[]) => argv.includes('--capture')

/**
 * The global quick-capture shortcut: registers the remembered one at start, swaps it only once the OS
 * accepted the new one (so a refused choice never leaves the user with none), and reports every refusal.
 */
export function createShortcutManager(o: ShortcutManagerOptions): ShortcutManager {
  let current: string | null = null
  let state: ShortcutStatus = status(null, 'off', null)

  function status(accelerator: string | null, s: ShortcutStatus['state'], refused: string | null) {
    return { accelerator, defaultAccelerator: DEFAULT_CAPTURE_SHORTCUT, state: s, refused }
  }
  const accepted = (): ShortcutStatus['state'] => (o.wayland ? 'wayland' : 'registered')

  function tryRegister(accelerator: string): boolean {
    try {
      return o.globalShortcut.register(accelerator, o.onTrigger)
    } catch {
      // Electron throws on an accelerator it cannot parse; to the user that is a refusal like any other.
      return false
    }
  }
  function report(next: ShortcutStatus): ShortcutStatus {
    state = next
    o.onStatus(next)
    return next
  }

  return {
    start() {
      const wanted = o.store.shortcut()
      if (!wanted) return report(status(null, 'off', null))
      if (tryRegister(wanted)) {
        current = wanted
        return report(status(wanted, accepted(), null))
      }
      return report(status(wanted, 'refused', wanted))
    },
    status: () => state,
    async change(accelerator) {
      if (accelerator === current && current !== null) return report(status(current, accepted(), null))
      // The new one is registered before the old one is let go: a refusal keeps the old one working.
      if (accelerator !== null && !tryRegister(accelerator)) {
        return report(status(current ?? state.accelerator, current ? accepted() : 'refused', accelerator))
      }
      if (current) o.globalShortcut.unregister(current)
      current = accelerator
      report(status(accelerator, accelerator ? accepted() : 'off', null))
      // A failed write is thrown to the caller: the shortcut works now, but the next start would not have it.
      await o.store.setShortcut(accelerator)
      return state
    },
    stop() {
      if (current) o.globalShortcut.unregister(current)
      current = null
    },
  }
}
