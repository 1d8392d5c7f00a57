/** What a key press in the capture field does; pure, so the IME rules are tested without a browser. */
export type CaptureKeyAction = 'save' | 'hide' | 'toggleFollowUp' | 'clipboard' | null

export interface KeyLike {
  key: string
  keyCode?: number
  isComposing: boolean
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/**
 * Enter saves and Shift+Enter is a new line; Escape hides (the draft stays); Mod+Shift+Backspace
 * removes or restores the recognised follow-up; Mod+Shift+V takes the clipboard as the body.
 *
 * While an IME is composing (Korean, Japanese, Chinese) nothing here fires: the Enter that commits a
 * syllable must not also save, or the note would be saved without it. Chromium reports that Enter with
 * isComposing; Safari-style engines fire compositionend first and then the keydown with keyCode 229, so
 * both are checked.
 */
export function captureKeyAction(e: KeyLike, mac: boolean): CaptureKeyAction {
  if (e.isComposing || e.keyCode === 229) return null
  const mod = mac ? e.metaKey : e.ctrlKey
  if (e.key === 'Escape' && !e.shiftKey && !mod && !e.altKey) return 'hide'
  if (e.key === 'Enter') return e.shiftKey || e.altKey ? null : 'save'
  if (mod && e.shiftKey && !e.altKey && e.key === 'Backspace') return 'toggleFollowUp'
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'v') return 'clipboard'
  return null
}

/** "⌘⇧⌫" on a Mac, "Ctrl+Shift+Backspace" elsewhere: what the UI shows next to each action. */
/** Keys are 'mod', 'shift', 'alt' or a key name. */
export function keyHint(keys: readonly string[], mac: boolean): string {
  const names: Record<string, [string, string]> = {
    mod: ['⌘', 'Ctrl'],
    shift: ['⇧', 'Shift'],
    alt: ['⌥', 'Alt'],
    Backspace: ['⌫', 'Backspace'],
    Enter: ['↩', 'Enter'],
    Escape: ['esc', 'Esc'],
  }
  const parts = keys.map((k) => names[k]?.[mac ? 0 : 1] ?? k.toUpperCase())
  return mac ? parts.join('') : parts.join('+')
}

export const isMac = (platform: string) => platform === 'darwin' || /Mac/i.test(platform)
