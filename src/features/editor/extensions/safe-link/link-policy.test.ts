import { describe, expect, it } from 'vitest'
import { isAllowedLink, normalizeLinkInput } from './link-policy'

describe('isAllowedLink', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'mailto:kim@example.com',
    'HTTPS://EXAMPLE.COM',
  ])('allows %s', (href) => expect(isAllowedLink(href)).toBe(true))

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'ftp://example.com',
    'tel:+821012345678',
    '/relative/path',
    '//example.com',
    'https://',
    'mailto:',
    '',
  ])('refuses %j', (href) => expect(isAllowedLink(href)).toBe(false))

  it('refuses things that are not strings', () => {
    expect(isAllowedLink(undefined)).toBe(false)
    expect(isAllowedLink(null)).toBe(false)
    expect(isAllowedLink({ toString: () => 'https://example.com' })).toBe(false)
  })
})

describe('normalizeLinkInput', () => {
  it('completes addresses the way people type them', () => {
    expect(normalizeLinkInput(' example.com/page ')).toEqual({ ok: true, href: 'https://example.com/page' })
    expect(normalizeLinkInput('kim@example.com')).toEqual({ ok: true, href: 'mailto:kim@example.com' })
    expect(normalizeLinkInput('https://example.com')).toEqual({ ok: true, href: 'https://example.com' })
  })

  it('refuses anything that is still not a web or mail link', () => {
    for (const raw of ['javascript:alert(1)', 'file:///c:/x', 'just words', '', '   ', '/etc/passwd']) {
      expect(normalizeLinkInput(raw)).toEqual({ ok: false })
    }
  })
})
