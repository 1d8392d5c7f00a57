import { describe, expect, it } from 'vitest'
import { chooseLanguage } from './language'

describe('chooseLanguage', () => {
  it('follows a Korean system language, in any region spelling', () => {
    expect(chooseLanguage({ preferred: ['ko-KR'] })).toBe('ko')
    expect(chooseLanguage({ preferred: ['ko'] })).toBe('ko')
    expect(chooseLanguage({ preferred: ['KO_kr'] })).toBe('ko')
  })

  it('falls back to English for every other or missing language', () => {
    expect(chooseLanguage({ preferred: ['en-US'] })).toBe('en')
    expect(chooseLanguage({ preferred: ['ja-JP', 'ko-KR'] })).toBe('en')
    expect(chooseLanguage({ preferred: [] })).toBe('en')
    expect(chooseLanguage({})).toBe('en')
  })

  it('lets a saved choice override the system language', () => {
    expect(chooseLanguage({ stored: 'ko', preferred: ['en-US'] })).toBe('ko')
    expect(chooseLanguage({ stored: 'en', preferred: ['ko-KR'] })).toBe('en')
  })

  it('lets ?lang= override both, and ignores values it does not support', () => {
    expect(chooseLanguage({ search: '?lang=ko', stored: 'en', preferred: ['en'] })).toBe('ko')
    expect(chooseLanguage({ search: '?token=x&lang=en', stored: 'ko', preferred: ['ko'] })).toBe('en')
    expect(chooseLanguage({ search: '?lang=fr', stored: 'xx', preferred: ['ko-KR'] })).toBe('ko')
  })
})
