import { describe, expect, it } from 'vitest'
import { countText } from './word-count'

describe('countText', () => {
  it('counts English words by spaces and ignores punctuation on its own', () => {
    expect(countText('Call Kim about the contract — today!')).toEqual({ words: 6, characters: 30 })
  })

  it('counts Korean words by spaces, particles included, and each syllable as a character', () => {
    expect(countText('김 과장에게 후속조치를 요청함')).toEqual({ words: 4, characters: 13 })
  })

  it('counts each Han or kana character as a word', () => {
    expect(countText('東京タワー')).toEqual({ words: 5, characters: 5 })
    expect(countText('Tickler 使用')).toEqual({ words: 3, characters: 9 })
  })

  it('is zero for empty or blank text', () => {
    expect(countText('')).toEqual({ words: 0, characters: 0 })
    expect(countText(' \n\t ')).toEqual({ words: 0, characters: 0 })
  })
})
