import { describe, expect, it } from 'vitest'
import type { ShortcutStatus } from '../../shared/contract-capture'
import {
  createShortcutManager,
  isWaylandSession,
  wantsCapture,
  type GlobalShortcutLike,
} from './global-shortcut'

/** A fake OS: some accelerators are held by "another app", and every registration is recorded. */
class FakeGlobalShortcut implements GlobalShortcutLike {
  registered = new Map<string, () => void>()
  takenByOthers = new Set<string>()
  register(accelerator: string, callback: () => void): boolean {
    if (accelerator === 'Bogus+Key') throw new Error('conversion failure')
    if (this.takenByOthers.has(accelerator) || this.registered.has(accelerator)) return false
    this.registered.set(accelerator, callback)
    return true
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator)
  }
  press(accelerator: string) {
    this.registered.get(accelerator)?.()
  }
}

function setUp(options: { stored?: string | null; wayland?: boolean; failWrite?: boolean } = {}) {
  const os = new FakeGlobalShortcut()
  let stored = options.stored === undefined ? 'CommandOrControl+Shift+Space' : options.stored
  const reports: ShortcutStatus[] = []
  let triggers = 0
  const manager = createShortcutManager({
    globalShortcut: os,
    store: {
      shortcut: () => stored,
      setShortcut: async (a) => {
        if (options.failWrite) throw new Error('disk full')
        stored = a
      },
    },
    onTrigger: () => triggers++,
    onStatus: (s) => reports.push(s),
    wayland: options.wayland ?? false,
  })
  return { os, manager, reports, stored: () => stored, triggers: () => triggers }
}

describe('global capture shortcut', () => {
  it('registers the default at start and runs capture when pressed', () => {
    const t = setUp()
    expect(t.manager.start()).toEqual({
      accelerator: 'CommandOrControl+Shift+Space',
      defaultAccelerator: 'CommandOrControl+Shift+Space',
      state: 'registered',
      refused: null,
    })
    t.os.press('CommandOrControl+Shift+Space')
    expect(t.triggers()).toBe(1)
  })

  it('persists a change, and lets the old shortcut go only after the new one is held', async () => {
    const t = setUp()
    t.manager.start()
    expect(await t.manager.change('Alt+Shift+K')).toMatchObject({
      accelerator: 'Alt+Shift+K',
      state: 'registered',
    })
    expect(t.stored()).toBe('Alt+Shift+K')
    expect([...t.os.registered.keys()]).toEqual(['Alt+Shift+K'])
  })

  it('reports a refusal at start, clearly, and offers nothing registered', () => {
    const t = setUp()
    t.os.takenByOthers.add('CommandOrControl+Shift+Space')
    expect(t.manager.start()).toMatchObject({ state: 'refused', refused: 'CommandOrControl+Shift+Space' })
    expect(t.reports.at(-1)?.state).toBe('refused')
    expect(t.os.registered.size).toBe(0)
  })

  it('keeps the working shortcut when a new one is refused, and does not remember the refused one', async () => {
    const t = setUp()
    t.manager.start()
    t.os.takenByOthers.add('Control+Alt+N')
    expect(await t.manager.change('Control+Alt+N')).toMatchObject({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'registered',
      refused: 'Control+Alt+N',
    })
    expect(await t.manager.change('Bogus+Key')).toMatchObject({ refused: 'Bogus+Key' })
    expect(t.stored()).toBe('CommandOrControl+Shift+Space')
    expect([...t.os.registered.keys()]).toEqual(['CommandOrControl+Shift+Space'])
  })

  it('after a refusal at start, a later accepted choice clears the refusal', async () => {
    const t = setUp()
    t.os.takenByOthers.add('CommandOrControl+Shift+Space')
    t.manager.start()
    expect(await t.manager.change('Alt+Shift+K')).toMatchObject({ state: 'registered', refused: null })
  })

  it('turns off and on, remembering off across starts', async () => {
    const t = setUp()
    t.manager.start()
    expect(await t.manager.change(null)).toMatchObject({ accelerator: null, state: 'off' })
    expect(t.os.registered.size).toBe(0)
    expect(t.stored()).toBeNull()
    const again = setUp({ stored: null })
    expect(again.manager.start().state).toBe('off')
    expect(again.os.registered.size).toBe(0)
  })

  it('unregisters on quit', () => {
    const t = setUp()
    t.manager.start()
    t.manager.stop()
    expect(t.os.registered.size).toBe(0)
  })

  it('warns on Wayland even when registration succeeds', () => {
    expect(setUp({ wayland: true }).manager.start().state).toBe('wayland')
  })

  it('throws when the choice cannot be remembered, though it works for now', async () => {
    const t = setUp({ failWrite: true })
    t.manager.start()
    await expect(t.manager.change('Alt+Shift+K')).rejects.toThrow('disk full')
    expect(t.manager.status()).toMatchObject({ accelerator: 'Alt+Shift+K', state: 'registered' })
  })

  it('detects Wayland sessions and the --capture switch', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true)
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true)
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false)
    expect(isWaylandSession('darwin', { WAYLAND_DISPLAY: 'x' })).toBe(false)
    expect(wantsCapture(['tickler', '--capture'])).toBe(true)
    expect(wantsCapture(['tickler'])).toBe(false)
  })
})
