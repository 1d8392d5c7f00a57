export const isMacPlatform = (platform = typeof navigator === 'undefined' ? '' : navigator.platform) =>
  /Mac|iPhone|iPad/.test(platform)

/** "Mod-Shift-z" → "Ctrl+Shift+Z" on Windows/Linux and "⌘⇧Z" on macOS, as each platform writes shortcuts. */
export function shortcutLabel(shortcut: string, mac = isMacPlatform()): string {
  const parts = shortcut.split('-').map((part) => {
    if (part === 'Mod') return mac ? '⌘' : 'Ctrl'
    if (part === 'Shift') return mac ? '⇧' : 'Shift'
    if (part === 'Alt') return mac ? '⌥' : 'Alt'
    return part.length === 1 ? part.toUpperCase() : part
  })
  return parts.join(mac ? '' : '+')
}

/** Where arrow keys, Home and End move focus in a one-row toolbar; disabled buttons are skipped. */
export function nextToolIndex(current: number, key: string, enabled: readonly boolean[]): number | null {
  const count = enabled.length
  if (!count || !enabled.some(Boolean)) return null
  const step =
    key === 'ArrowRight' || key === 'ArrowDown' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0
  if (key === 'Home' || key === 'End') {
    const order = [...Array(count).keys()]
    const pick = (key === 'Home' ? order : order.reverse()).find((i) => enabled[i])
    return pick ?? null
  }
  if (!step) return null
  for (let i = 1; i <= count; i++) {
    const candidate = (((current + step * i) % count) + count) % count
    if (enabled[candidate]) return candidate
  }
  return null
}
