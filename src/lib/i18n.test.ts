import { describe, expect, it } from 'vitest'
import { initI18n, resources } from './i18n'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
}

describe('i18n', () => {
  it('has the same keys in English and Korean, none left empty', () => {
    expect(keysOf(resources.ko.translation).sort()).toEqual(keysOf(resources.en.translation).sort())
    for (const lang of ['en', 'ko'] as const) {
      for (const key of keysOf(resources[lang].translation)) {
        const text = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            resources[lang].translation,
          )
        expect(text, `${lang}:${key}`).not.toBe('')
      }
    }
  })

  it('sets <html lang> and follows language changes', async () => {
    const i18n = initI18n('ko')
    expect(document.documentElement.lang).toBe('ko')
    expect(i18n.t('note.title')).toBe('제목')
    expect(i18n.t('save.failed', { message: '디스크 가득 참' })).toBe('저장 실패: 디스크 가득 참')
    await i18n.changeLanguage('en')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.t('sidebar.count', { count: 1 })).toBe('1 note')
    expect(i18n.t('sidebar.count', { count: 3 })).toBe('3 notes')
  })
})
