import type { TicklerApi } from '../../electron/shared/contract'
import type { ShortcutStatus } from '../../electron/shared/contract-capture'
import { INBOX_ID } from '../../electron/shared/domain/notes'
import type { Note } from '../../electron/shared/model'

const DEFAULT = 'CommandOrControl+Shift+Space'

/**
 * capture.* and settings.* for the in-memory fake: the first line is the title and #words are tags (the
 * real parser is tested in electron/shared); the shortcut is only remembered, as in the browser preview.
 */
export function createFakeCapture(
  create: TicklerApi['notes']['create'],
): Pick<TicklerApi, 'capture' | 'settings'> {
  let settings = { notebookId: INBOX_ID, keepInTray: false }
  let shortcut: ShortcutStatus = {
    accelerator: DEFAULT,
    defaultAccelerator: DEFAULT,
    state: 'unavailable',
    refused: null,
  }
  const read = (text: string) => {
    const [first = '', ...rest] = text.split('\n')
    const tags = [...text.matchAll(/(?:^|\s)#(\p{L}[\p{L}\p{N}_-]*)/gu)].map((m) => m[1]!)
    return { title: first.replace(/(?:^|\s)#\S+/gu, '').trim(), body: rest.join('\n'), tags, followUp: null }
  }
  return {
    capture: {
      preview: async ({ text }) => read(text),
      save: async ({ text, notebookId }): Promise<Note> => {
        const r = read(text)
        return create({ title: r.title, tags: r.tags, notebookId: notebookId ?? settings.notebookId })
      },
      hide: async () => ({ hidden: false }),
      readClipboard: async () => ({ available: false, text: '', url: null, title: null }),
      settings: async () => settings,
      updateSettings: async (patch) => (settings = { ...settings, ...patch }),
    },
    settings: {
      captureShortcut: async () => shortcut,
      setCaptureShortcut: async ({ accelerator }) =>
        (shortcut = { ...shortcut, accelerator, state: accelerator ? 'unavailable' : 'off' }),
    },
  }
}
