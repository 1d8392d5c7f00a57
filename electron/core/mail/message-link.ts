/**
 * The link that opens a note's message, built here from the Message-ID stored in the note (never from
 * anything the page sends): Gmail's web search for a Gmail account (every computer has a browser, and
 * Gmail users mostly read mail there), Apple Mail's `message:` links on macOS, else RFC 2392 `mid:`
 * links, which Thunderbird and other mail programs register. A scheme no program is registered for is
 * not offered, so the page can say so instead of a click that does nothing.
 */
export type LinkScheme = 'mid' | 'message'

export interface MessageLink {
  url: string
  openWith: 'mail-app' | 'web'
}

export interface LinkEnv {
  platform: string
  /** Whether a program is registered for links of this scheme on this computer. */
  canOpenScheme(scheme: LinkScheme): boolean
}

const bare = (messageId: string) => messageId.trim().replace(/^<|>$/g, '')

export const isGmailHost = (host: string): boolean => /(^|\.)(gmail|googlemail)\.com$/i.test(host.trim())

export function messageLink(
  messageId: string,
  account: { host: string; email: string } | null,
  env: LinkEnv,
): MessageLink | null {
  const id = bare(messageId)
  if (!id) return null
  if (account && isGmailHost(account.host)) {
    const user = encodeURIComponent(account.email)
    return {
      url: `https://mail.google.com/mail/?authuser=${user}#search/rfc822msgid%3A${encodeURIComponent(id)}`,
      openWith: 'web',
    }
  }
  if (env.platform === 'darwin' && env.canOpenScheme('message')) {
    return { url: `message://${encodeURIComponent(`<${id}>`)}`, openWith: 'mail-app' }
  }
  if (env.canOpenScheme('mid')) return { url: `mid:${encodeURIComponent(id)}`, openWith: 'mail-app' }
  return null
}
