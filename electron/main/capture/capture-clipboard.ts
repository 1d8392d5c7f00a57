import type { ClipboardContent } from '../../core/index'

const BOOKMARK = 'electron application/bookmark'

/**
 * The slice of Electron's (asynchronous, W3C-shaped) clipboard read here. A link copied from a browser
 * on macOS or Windows carries a bookmark entry with the page title beside it.
 */
export interface ClipboardLike {
  readText(): Promise<string>
  read(): Promise<
    { readonly types: string[]; getType(type: typeof BOOKMARK): Promise<{ title: string; url: string }> }[]
  >
}

const MAX_TEXT = 20_000
const MAX_TITLE = 500

function webLink(candidate: string): string | null {
  const text = candidate.trim()
  if (!text || /\s/.test(text) || text.length > 4096) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

async function readBookmark(clipboard: ClipboardLike): Promise<{ title: string; url: string } | undefined> {
  try {
    const item = (await clipboard.read()).find((i) => i.types.includes(BOOKMARK))
    return item ? await item.getType(BOOKMARK) : undefined
  } catch {
    // Linux keeps no bookmarks, and an unreadable entry is simply no title.
    return undefined
  }
}

/**
 * What quick capture takes from the clipboard, read in main so the page needs no clipboard permission.
 * Text is bounded (a capture is short); a link is recognised only as http(s), with the page title when
 * the clipboard has one beside it.
 */
export async function readClipboardContent(clipboard: ClipboardLike): Promise<ClipboardContent> {
  const [raw, bookmark] = await Promise.all([clipboard.readText().catch(() => ''), readBookmark(clipboard)])
  const text = raw.replace(/\0/g, '').slice(0, MAX_TEXT)
  const url = webLink(bookmark?.url ?? '') ?? webLink(text)
  const title = url && bookmark?.title?.trim() ? bookmark.title.trim().slice(0, MAX_TITLE) : null
  return { text: text.trim() || url || '', url, title }
}
