import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FollowUpAction } from './followup-notifier'

/**
 * Windows shows notification buttons only from toast XML, and a button there can only launch a URL. So a
 * toast's Done / Snooze buttons (and its body) launch `tickler://followup/<action>?id=…&sig=…`, which
 * Windows hands to the running Tickler as a second-instance argument. Any web page can launch a
 * tickler:// link too, so every URL carries an HMAC made with a key kept in the library folder: only
 * links this app wrote are acted on, and a forged or edited one is ignored.
 */
export const PROTOCOL = 'tickler'
export type ToastAction = FollowUpAction | 'open'
const ACTIONS: readonly ToastAction[] = ['open', 'done', 'snooze-hour', 'snooze-tomorrow']
const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/

export interface ActionSigner {
  sign(action: ToastAction, noteId: string): string
  verify(action: ToastAction, noteId: string, sig: string): boolean
}

export function createSigner(key: Uint8Array): ActionSigner {
  const sign = (action: ToastAction, noteId: string) =>
    createHmac('sha256', key).update(`${action}\n${noteId}`).digest('base64url')
  return {
    sign,
    verify(action, noteId, sig) {
      const expected = Buffer.from(sign(action, noteId))
      const given = Buffer.from(sig)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}

/** The key, made once per library and kept (owner-only) so toasts still work after a restart. */
export function loadSignerKey(dataDir: string): Buffer {
  const path = join(dataDir, 'notification-key')
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
    if (key.length === 32) return key
  } catch {
    // Missing: made below. A damaged key is replaced; only old toasts' buttons stop working.
  }
  const key = randomBytes(32)
  writeFileSync(path, key.toString('base64'), { mode: 0o600 })
  chmodSync(path, 0o600)
  return key
}

export function actionUrl(signer: ActionSigner, action: ToastAction, noteId: string): string {
  const params = new URLSearchParams({ id: noteId, sig: signer.sign(action, noteId) })
  return `${PROTOCOL}://followup/${action}?${params}`
}

/** The action a launched URL asks for, or null for anything this app did not write. */
export function parseActionUrl(
  signer: ActionSigner,
  raw: string,
): { action: ToastAction; noteId: string } | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== `${PROTOCOL}:` || url.hostname !== 'followup') return null
  const action = url.pathname.replace(/^\//, '') as ToastAction
  const noteId = url.searchParams.get('id') ?? ''
  const sig = url.searchParams.get('sig') ?? ''
  if (!ACTIONS.includes(action) || !NOTE_ID.test(noteId)) return null
  return signer.verify(action, noteId, sig) ? { action, noteId } : null
}

/** The first argument that is one of our action URLs (Windows passes it among Chromium's switches). */
export function actionFromArgv(signer: ActionSigner, argv: readonly string[]) {
  for (const arg of argv) {
    if (!arg.startsWith(`${PROTOCOL}://`)) continue
    const found = parseActionUrl(signer, arg)
    if (found) return found
  }
  return null
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/** Toast XML for one follow-up: title, body, a click that opens the note, and the three action buttons. */
export function followUpToastXml(
  signer: ActionSigner,
  noteId: string,
  text: { title: string; body: string; actions: readonly string[] },
): string {
  const buttons = (['done', 'snooze-hour', 'snooze-tomorrow'] as const).map(
    (action, i) =>
      `<action content="${escapeXml(text.actions[i] ?? action)}" activationType="protocol" arguments="${escapeXml(actionUrl(signer, action, noteId))}"/>`,
  )
  return (
    `<toast activationType="protocol" launch="${escapeXml(actionUrl(signer, 'open', noteId))}">` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(text.title)}</text><text>${escapeXml(text.body)}</text></binding></visual>` +
    `<actions>${buttons.join('')}</actions></toast>`
  )
}
