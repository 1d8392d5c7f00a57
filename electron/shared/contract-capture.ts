import { z } from 'zod'
import { method } from './contract-method'
import { Note, NotebookId, isoTimeSchema } from './model'

/** Quick-capture calls and events, spread into the contract. */

/**
 * Ctrl+Shift+Space (⌘⇧Space on macOS): the system uses ⌘Space / Ctrl+Space (Spotlight, input-source and
 * IME switching on macOS, Windows and GNOME/IBus/fcitx) and ⌘⌥Space / Alt+Space (Finder search, window
 * menu, PowerToys Run), but none of them Shift+Space with Ctrl/⌘. The one known clash is Word's
 * non-breaking space, which is why the shortcut can be changed in Settings.
 */
export const DEFAULT_CAPTURE_SHORTCUT = 'CommandOrControl+Shift+Space'

const MODIFIERS = new Set([
  'CommandOrControl',
  'CmdOrCtrl',
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
])
const KEY =
  /^(?:[A-Z0-9]|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Enter|Return|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|[`\-=[\];',./\\])$/

/**
 * An Electron accelerator a global shortcut may use: modifiers then one key, with at least one modifier
 * besides Shift, so a plain letter or Shift+letter can never be taken from every app on the desktop.
 */
export function isGlobalAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+')
  // "Plus" is spelled out, so a literal "+" key never splits into an empty part.
  if (parts.some((p) => p === '')) return false
  const key = parts.pop()!
  if (!KEY.test(key) || parts.length === 0) return false
  if (new Set(parts).size !== parts.length || !parts.every((p) => MODIFIERS.has(p))) return false
  return parts.some((p) => p !== 'Shift')
}

export const Accelerator = z
  .string()
  .max(100)
  .refine(isGlobalAccelerator, 'a shortcut needs Ctrl, Alt, ⌘ or Super with one key, e.g. "Ctrl+Shift+Space"')

/**
 * registered: the OS accepted it. off: the user turned it off. refused: another app holds it or the OS
 * said no. wayland: accepted, but a Wayland desktop may ignore it outside some apps. unavailable: the
 * host has no global shortcuts (the browser preview).
 */
export const ShortcutState = z.enum(['registered', 'off', 'refused', 'wayland', 'unavailable'])
export type ShortcutState = z.infer<typeof ShortcutState>
export const ShortcutStatus = z.object({
  /** null when turned off. */
  accelerator: z.string().nullable(),
  defaultAccelerator: z.string(),
  state: ShortcutState,
  /** The accelerator that was tried and refused, when it differs from the one kept. */
  refused: z.string().nullable(),
})
export type ShortcutStatus = z.infer<typeof ShortcutStatus>

const CaptureText = z.string().max(20_000, 'a quick capture is at most 20,000 characters')

export const CapturePreview = z.object({
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  followUp: z.object({ dueAt: isoTimeSchema, phrase: z.string() }).nullable(),
  /** Why this cannot be saved as it is (e.g. nothing typed), in words a person can read. */
  error: z.string().optional(),
})
export type CapturePreview = z.infer<typeof CapturePreview>

export const CaptureSettings = z.object({
  /** Where captures go unless the capture window picks another notebook. */
  notebookId: NotebookId,
  /** Closing the main window hides it; capture and the tray keep working until Quit. */
  keepInTray: z.boolean(),
})
export type CaptureSettings = z.infer<typeof CaptureSettings>

export const captureContract = {
  'capture.preview': method(
    z.object({ text: CaptureText, ignoreFollowUp: z.boolean().optional() }),
    CapturePreview,
  ),
  /** Creates the note in the chosen notebook (or the default) and sets its follow-up through follow-ups. */
  'capture.save': method(
    z.object({
      text: CaptureText,
      ignoreFollowUp: z.boolean().optional(),
      notebookId: NotebookId.optional(),
    }),
    Note,
  ),
  /** Hides the capture window (Escape); the renderer keeps the draft. A no-op where there is no window. */
  'capture.hide': method(z.object({}), z.object({ hidden: z.boolean() })),
  /**
   * The clipboard's text, or its link and the link's title where the OS keeps one (macOS, Windows).
   * available:false where the host cannot read it (the browser preview reads navigator.clipboard itself).
   */
  'capture.readClipboard': method(
    z.object({}),
    z.object({
      available: z.boolean(),
      text: z.string(),
      url: z.string().nullable(),
      title: z.string().nullable(),
    }),
  ),
  'capture.settings': method(z.object({}), CaptureSettings),
  'capture.updateSettings': method(CaptureSettings.partial(), CaptureSettings),
  'settings.captureShortcut': method(z.object({}), ShortcutStatus),
  /** Registers the new shortcut first and keeps it only if the OS accepted it; null turns it off. */
  'settings.setCaptureShortcut': method(z.object({ accelerator: Accelerator.nullable() }), ShortcutStatus),
} as const

export const captureEvents = {
  /** The capture window was just shown: focus the field at once. */
  'capture.shown': z.object({}),
  /** The global shortcut changed state, e.g. the OS refused it at start-up. */
  'capture.shortcutStatus': ShortcutStatus,
  /** The tray's "Due follow-ups": the main window shows the follow-ups view. */
  'followups.show': z.object({}),
} as const
