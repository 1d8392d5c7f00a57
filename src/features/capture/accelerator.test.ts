import { describe, expect, it } from 'vitest'
import { displayAccelerator, recordAccelerator, type RecordedKey } from './accelerator'

const press = (code: string, more: Partial<RecordedKey> = {}): RecordedKey => ({
  key: '',
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...more,
})

describe('recordAccelerator', () => {
  it('records the physical key with portable modifiers', () => {
    expect(recordAccelerator(press('Space', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Shift+Space',
    })
    expect(recordAccelerator(press('Space', { metaKey: true, shiftKey: true }), true)).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Shift+Space',
    })
    // A Korean layout types "ㅏ" on the K key; the shortcut is still K.
    expect(recordAccelerator(press('KeyK', { key: 'ㅏ', altKey: true, shiftKey: true }), false)).toEqual({
      kind: 'done',
      accelerator: 'Alt+Shift+K',
    })
    expect(recordAccelerator(press('F9', { ctrlKey: true, altKey: true }), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+F9',
    })
  })

  it('waits while only modifiers are held, and refuses keys no app may take globally', () => {
    expect(recordAccelerator(press('ShiftLeft', { shiftKey: true }), false)).toEqual({ kind: 'waiting' })
    expect(recordAccelerator(press('ControlLeft', { ctrlKey: true }), false)).toEqual({ kind: 'waiting' })
    expect(recordAccelerator(press('KeyK'), false)).toEqual({ kind: 'invalid' })
    expect(recordAccelerator(press('KeyK', { shiftKey: true }), false)).toEqual({ kind: 'invalid' })
    expect(recordAccelerator(press('IntlRo', { ctrlKey: true }), false)).toEqual({ kind: 'invalid' })
  })

  it('shows accelerators the way each platform writes them', () => {
    expect(displayAccelerator('CommandOrControl+Shift+Space', true)).toBe('⌘⇧Space')
    expect(displayAccelerator('CommandOrControl+Shift+Space', false)).toBe('Ctrl+Shift+Space')
  })
})
