/**
 * Turns a key press into an Electron accelerator for the press-to-record shortcut field. Pure and in the
 * renderer (which may not load shared code at run time); core checks the result against the contract.
 */
export interface RecordedKey {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export type Recording = { kind: 'done'; accelerator: string } | { kind: 'waiting' } | { kind: 'invalid' }

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
}

/** The physical key, so Shift or a Korean layout does not change what is recorded (KeyK, not "ㅏ"). */
function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter) return letter[1]!
  const digit = /^Digit(\d)$/.exec(code)
  if (digit) return digit[1]!
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code
  return NAMED[code] ?? null
}

export function recordAccelerator(e: RecordedKey, mac: boolean): Recording {
  const key = keyName(e.code)
  // A modifier on its own: keep listening for the key that completes the shortcut.
  if (!key)
    return /^(Control|Meta|Alt|Shift|OS)/.test(e.code) || e.key === 'Process'
      ? { kind: 'waiting' }
      : { kind: 'invalid' }
  const parts: string[] = []
  // ⌘ on a Mac and Ctrl elsewhere is the same shortcut to the user; CommandOrControl keeps it portable.
  if (mac ? e.metaKey : e.ctrlKey) parts.push('CommandOrControl')
  if (mac && e.ctrlKey) parts.push('Control')
  if (!mac && e.metaKey) parts.push('Super')
  if (e.altKey) parts.push('Alt')
  if (e.shiftKey) parts.push('Shift')
  if (!parts.some((p) => p !== 'Shift')) return { kind: 'invalid' }
  return { kind: 'done', accelerator: [...parts, key].join('+') }
}

/** "CommandOrControl+Shift+Space" → "⌘⇧Space" on a Mac, "Ctrl+Shift+Space" elsewhere. */
export function displayAccelerator(accelerator: string, mac: boolean): string {
  const names: Record<string, [string, string]> = {
    CommandOrControl: ['⌘', 'Ctrl'],
    CmdOrCtrl: ['⌘', 'Ctrl'],
    Command: ['⌘', 'Cmd'],
    Control: ['⌃', 'Ctrl'],
    Alt: ['⌥', 'Alt'],
    Option: ['⌥', 'Alt'],
    Shift: ['⇧', 'Shift'],
    Super: ['◆', 'Super'],
  }
  const parts = accelerator.split('+').map((p) => names[p]?.[mac ? 0 : 1] ?? p)
  return mac ? parts.join('') : parts.join('+')
}
