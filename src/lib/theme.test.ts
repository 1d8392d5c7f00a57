import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyTheme, nextPreference, parseThemePreference, readThemePreference, resolveTheme } from './theme'

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
})

describe('theme', () => {
  it('follows the OS unless the user chose', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })

  it('treats unknown stored values as "system" and cycles system → light → dark', () => {
    expect(parseThemePreference('purple')).toBe('system')
    expect(parseThemePreference(null)).toBe('system')
    expect(nextPreference('system')).toBe('light')
    expect(nextPreference('light')).toBe('dark')
    expect(nextPreference('dark')).toBe('system')
  })

  it('reads the stored choice', () => {
    localStorage.setItem('tickler.theme', 'dark')
    expect(readThemePreference()).toBe('dark')
  })

  it('tracks OS changes while on "system" and stops when told', () => {
    let listener: (() => void) | undefined
    const query = {
      matches: false,
      addEventListener: (_: string, fn: () => void) => (listener = fn),
      removeEventListener: vi.fn(),
    }
    vi.stubGlobal('matchMedia', () => query)
    const root = document.createElement('html')
    const stop = applyTheme('system', root)
    expect(root.dataset.theme).toBe('light')
    query.matches = true
    listener?.()
    expect(root.dataset.theme).toBe('dark')
    stop()
    expect(query.removeEventListener).toHaveBeenCalled()
    applyTheme('light', root)
    expect(root.dataset.theme).toBe('light')
  })
})
