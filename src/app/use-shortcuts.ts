import { useEffect, useLayoutEffect, useRef } from 'react'

export interface ShortcutActions {
  newNote: () => void
}

/** Window-wide shortcuts, each beside the action it runs. Mod is ⌘ on macOS and Ctrl elsewhere. */
const SHORTCUTS: { action: keyof ShortcutActions; key: string; shift?: boolean }[] = [
  { action: 'newNote', key: 'n' },
]

export function useShortcuts(actions: ShortcutActions) {
  const ref = useRef(actions)
  useLayoutEffect(() => {
    ref.current = actions
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.altKey || !(event.metaKey || event.ctrlKey)) return
      const match = SHORTCUTS.find((s) => s.key === event.key.toLowerCase() && !!s.shift === event.shiftKey)
      if (!match) return
      event.preventDefault()
      ref.current[match.action]()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
