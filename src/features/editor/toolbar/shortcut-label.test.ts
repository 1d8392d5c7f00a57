import { describe, expect, it } from 'vitest'
import { nextToolIndex, shortcutLabel } from './shortcut-label'

describe('shortcutLabel', () => {
  it('writes Ctrl on Windows and Linux, symbols on macOS', () => {
    expect(shortcutLabel('Mod-Shift-z', false)).toBe('Ctrl+Shift+Z')
    expect(shortcutLabel('Mod-Shift-z', true)).toBe('⌘⇧Z')
    expect(shortcutLabel('Mod-Alt-2', true)).toBe('⌘⌥2')
  })
})

describe('nextToolIndex', () => {
  const enabled = [true, false, true, true]
  it('moves with the arrows, skipping disabled buttons and wrapping round', () => {
    expect(nextToolIndex(0, 'ArrowRight', enabled)).toBe(2)
    expect(nextToolIndex(3, 'ArrowRight', enabled)).toBe(0)
    expect(nextToolIndex(0, 'ArrowLeft', enabled)).toBe(3)
    expect(nextToolIndex(2, 'ArrowLeft', enabled)).toBe(0)
  })

  it('jumps with Home and End and ignores other keys', () => {
    expect(nextToolIndex(2, 'Home', [false, true, true])).toBe(1)
    expect(nextToolIndex(0, 'End', [true, true, false])).toBe(1)
    expect(nextToolIndex(0, 'a', enabled)).toBeNull()
    expect(nextToolIndex(0, 'ArrowRight', [false, false])).toBeNull()
  })
})
