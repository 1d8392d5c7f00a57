import { describe, expect, it } from 'vitest'
import { captureKeyAction, keyHint, type KeyLike } from './capture-keys'

const key = (k: string, more: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  isComposing: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
})

describe('captureKeyAction', () => {
  it('saves on Enter, keeps Shift+Enter for a new line, hides on Escape', () => {
    expect(captureKeyAction(key('Enter'), false)).toBe('save')
    expect(captureKeyAction(key('Enter', { ctrlKey: true }), false)).toBe('save')
    expect(captureKeyAction(key('Enter', { shiftKey: true }), false)).toBeNull()
    expect(captureKeyAction(key('Escape'), false)).toBe('hide')
    expect(captureKeyAction(key('a'), false)).toBeNull()
  })

  it('never saves or hides while an IME is composing, whichever way the engine reports it', () => {
    expect(captureKeyAction(key('Enter', { isComposing: true }), false)).toBeNull()
    expect(captureKeyAction(key('Enter', { keyCode: 229 }), true)).toBeNull()
    expect(captureKeyAction(key('Escape', { isComposing: true }), false)).toBeNull()
    expect(captureKeyAction(key('Process', { keyCode: 229 }), false)).toBeNull()
  })

  it('uses ⌘ on a Mac and Ctrl elsewhere for the follow-up and clipboard shortcuts', () => {
    const remove = { shiftKey: true }
    expect(captureKeyAction(key('Backspace', { ...remove, ctrlKey: true }), false)).toBe('toggleFollowUp')
    expect(captureKeyAction(key('Backspace', { ...remove, metaKey: true }), true)).toBe('toggleFollowUp')
    expect(captureKeyAction(key('Backspace', { ...remove, metaKey: true }), false)).toBeNull()
    // Plain and Alt+Backspace stay text editing (Alt+Backspace deletes a word on macOS).
    expect(captureKeyAction(key('Backspace', { altKey: true }), true)).toBeNull()
    expect(captureKeyAction(key('V', { shiftKey: true, ctrlKey: true }), false)).toBe('clipboard')
    expect(captureKeyAction(key('v', { ctrlKey: true }), false)).toBeNull()
  })

  it('spells hints the way each platform does', () => {
    expect(keyHint(['mod', 'shift', 'Backspace'], true)).toBe('⌘⇧⌫')
    expect(keyHint(['mod', 'shift', 'Backspace'], false)).toBe('Ctrl+Shift+Backspace')
    expect(keyHint(['mod', 'shift', 'v'], false)).toBe('Ctrl+Shift+V')
  })
})
