/**
 * The capture draft survives Escape, a hidden window and a restart: it is written to localStorage on
 * every change (a few hundred bytes) and cleared only once a save succeeded.
 */
export interface CaptureDraft {
  text: string
  ignoreFollowUp: boolean
}

export const DRAFT_KEY = 'tickler.capture.draft'
const EMPTY: CaptureDraft = { text: '', ignoreFollowUp: false }

export function loadDraft(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): CaptureDraft {
  try {
    const raw = storage?.getItem(DRAFT_KEY)
    if (!raw) return EMPTY
    const parsed = JSON.parse(raw) as Partial<CaptureDraft>
    return {
      text: typeof parsed.text === 'string' ? parsed.text : '',
      ignoreFollowUp: parsed.ignoreFollowUp === true,
    }
  } catch {
    // A damaged or unreadable draft is dropped rather than blocking capture.
    return EMPTY
  }
}

export function storeDraft(
  draft: CaptureDraft,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  try {
    if (!draft.text) storage?.removeItem(DRAFT_KEY)
    else storage?.setItem(DRAFT_KEY, JSON.stringify(draft))
  } catch {
    // Storage full or disabled: the draft still lives in the open window.
  }
}

/** The clipboard as the body, keeping the title line; a link with a page title can supply the title. */
export function withClipboardBody(
  text: string,
  clip: { text: string; url: string | null; title: string | null },
): string {
  const first = text.split('\n')[0] ?? ''
  const body = clip.url ? (clip.title ? `${clip.title}\n${clip.url}` : clip.url) : clip.text.trim()
  if (!body) return text
  if (!first.trim()) return clip.url && clip.title ? `${clip.title}\n${clip.url}` : `\n${body}`
  return `${first}\n${body}`
}
