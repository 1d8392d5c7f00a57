import { expect, it } from 'vitest'
import { messageLink } from './message-link'

const none = { platform: 'linux', canOpenScheme: () => false }
const mid = { platform: 'linux', canOpenScheme: (s: string) => s === 'mid' }
const mac = { platform: 'darwin', canOpenScheme: () => true }

it('opens a Gmail account’s message in Gmail’s web search by its Message-ID, as that user', () => {
  const link = messageLink(
    '<CA+abc=1@mail.gmail.com>',
    { host: 'imap.gmail.com', email: 'me@gmail.com' },
    none,
  )
  expect(link).toEqual({
    openWith: 'web',
    url: 'https://mail.google.com/mail/?authuser=me%40gmail.com#search/rfc822msgid%3ACA%2Babc%3D1%40mail.gmail.com',
  })
})

it('uses Apple Mail’s message: links on macOS and mid: links elsewhere, only where a program claims them', () => {
  const account = { host: 'imap.naver.com', email: 'me@naver.com' }
  expect(messageLink('<a/b@x>', account, mac)).toEqual({
    openWith: 'mail-app',
    url: 'message://%3Ca%2Fb%40x%3E',
  })
  expect(messageLink('<a/b@x>', account, mid)).toEqual({ openWith: 'mail-app', url: 'mid:a%2Fb%40x' })
  expect(messageLink('<a/b@x>', account, none)).toBeNull()
  // A removed account: still the mail program, never a guessed web mail.
  expect(messageLink('<a@x>', null, mid)?.url).toBe('mid:a%40x')
})

it('escapes whatever the stored Message-ID holds, so it can never become another URL', () => {
  const link = messageLink('<x@y> javascript:alert(1)#', null, mid)
  expect(link?.url).toBe('mid:x%40y%3E%20javascript%3Aalert(1)%23')
  expect(messageLink('<>', null, mid)).toBeNull()
})
