import { describe, expect, it } from 'vitest'
import { LanguageChoice, resolveLanguage } from './language'

describe('resolveLanguage', () => {
  it('uses the chosen language whatever the system speaks', () => {
    expect(resolveLanguage('ko', 'en-US')).toBe('ko')
    expect(resolveLanguage('en', 'ko-KR')).toBe('en')
  })

  it('follows the system for "system": Korean for any Korean locale, else English', () => {
    expect(resolveLanguage('system', 'ko-KR')).toBe('ko')
    expect(resolveLanguage('system', 'ko')).toBe('ko')
    expect(resolveLanguage('system', 'ja-JP')).toBe('en')
    expect(resolveLanguage('system', '')).toBe('en')
    expect(resolveLanguage('system', undefined)).toBe('en')
  })

  it('accepts only the three choices Settings offers', () => {
    expect(LanguageChoice.options).toEqual(['system', 'en', 'ko'])
    expect(LanguageChoice.safeParse('fr').success).toBe(false)
  })
})
