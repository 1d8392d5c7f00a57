import { shortcutLabel } from '../editor/toolbar/shortcut-label'

/**
 * Search has its own shortcut, Mod+Shift+F ("search all files" in Obsidian and VS Code), so that Mod+K
 * stays the link command in the editor, as in Notion, Obsidian and Google Docs. The app menu's
 * Edit > Search Notes names the same keys (electron/main/menu.ts).
 */
export const SEARCH_SHORTCUT = 'Mod-Shift-f'

/** The keys as the platform writes them: "Ctrl+Shift+F", or "⌘⇧F" on macOS. */
export const searchShortcutLabel = (mac?: boolean) => shortcutLabel(SEARCH_SHORTCUT, mac)

/**
 * Matched by the physical key as well as the character, so it also works while a Korean (or any non-Latin)
 * keyboard layout or IME is active, when `key` is "ㄹ" or "Process".
 */
export const isSearchShortcut = (event: KeyboardEvent) =>
  (event.metaKey || event.ctrlKey) &&
  event.shiftKey &&
  !event.altKey &&
  (event.code === 'KeyF' || event.key.toLowerCase() === 'f')
