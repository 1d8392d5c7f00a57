import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from './external-url'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/a/b?q=1#top',
    'http://localhost:8080/',
    'HTTPS://EXAMPLE.COM/',
    'mailto:someone@example.com',
    'mailto:someone@example.com?subject=Hi',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'slack://open',
    'tickler-attachment://abc',
    'ftp://example.com/file',
    'smb://server/share',
    'http:',
    'https://',
    'https://user:pass@example.com/',
    'not a url',
    '//example.com',
    '',
    ' ',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('refuses non-strings and absurdly long input', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false)
    expect(isSafeExternalUrl(42)).toBe(false)
    expect(isSafeExternalUrl({ href: 'https://example.com' })).toBe(false)
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(5000)}`)).toBe(false)
  })
})
