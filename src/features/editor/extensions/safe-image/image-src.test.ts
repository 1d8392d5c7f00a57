import { describe, expect, it } from 'vitest'
import { allowImageScheme, isAllowedImageSrc } from './image-src'

describe('isAllowedImageSrc', () => {
  it('allows web images and embedded raster pictures', () => {
    expect(isAllowedImageSrc('https://example.com/a.png')).toBe(true)
    expect(isAllowedImageSrc('http://example.com/a.png')).toBe(true)
    expect(isAllowedImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
  })

  it('refuses scripts, SVG data, files and relative paths', () => {
    for (const src of [
      'javascript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'x',
      '../a.png',
      '',
      'tickler-attachment://abc',
    ]) {
      expect(isAllowedImageSrc(src), src).toBe(false)
    }
    expect(isAllowedImageSrc(42)).toBe(false)
  })

  it('lets the attachments feature add its own scheme, but never a dangerous one', () => {
    allowImageScheme('tickler-attachment:')
    expect(isAllowedImageSrc('tickler-attachment://abc123')).toBe(true)
    expect(() => allowImageScheme('javascript:')).toThrow()
    expect(() => allowImageScheme('not a scheme')).toThrow()
  })
})
