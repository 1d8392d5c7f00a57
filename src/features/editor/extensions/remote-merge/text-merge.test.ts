import { describe, expect, it } from 'vitest'
import { mergeText } from './text-merge'

describe('mergeText (a title changed on both sides)', () => {
  it('takes the other side’s title when this side did not touch it', () => {
    expect(mergeText('Quote', 'Quote', 'Quote for Kim')).toBe('Quote for Kim')
  })

  it('keeps this side’s title when only this side changed it', () => {
    expect(mergeText('Quote', 'Quote v2', 'Quote')).toBe('Quote v2')
  })

  it('keeps both sides’ characters when both changed it', () => {
    expect(mergeText('Quote', 'Quote v2', 'Big Quote')).toBe('Big Quote v2')
    expect(mergeText('견적서', '견적서 수정', '김 대리 견적서')).toBe('김 대리 견적서 수정')
  })

  it('keeps both new texts where both replaced the same word', () => {
    expect(mergeText('Call Lee', 'Call Park', 'Call Kim')).toBe('Call KimPark')
  })
})
