import { describe, expect, it } from 'vitest'
import { toZonedIso } from '../followups/zone'
import { extractTags, parseCapture } from './parse-capture'

// Thursday 6 March 2025, 14:00 local in each zone.
const seoul = { now: new Date('2025-03-06T05:00:00Z'), timeZone: 'Asia/Seoul' }
const newYork = { now: new Date('2025-03-06T19:00:00Z'), timeZone: 'America/New_York' }

const read = (text: string, opts: typeof seoul & { ignoreFollowUp?: boolean }) => {
  const r = parseCapture(text, opts)
  return {
    ...r,
    followUp: r.followUp && { ...r.followUp, dueAt: toZonedIso(r.followUp.dueAt, opts.timeZone) },
  }
}

describe('parseCapture', () => {
  it('takes the title, tags and an English follow-up from one line', () => {
    expect(read('Call Kim about the quote #sales fri 10am', newYork)).toEqual({
      title: 'Call Kim about the quote',
      body: '',
      tags: ['sales'],
      followUp: { phrase: 'fri 10am', dueAt: '2025-03-07T10:00:00-05:00' },
    })
  })

  it('reads a Korean follow-up and Korean tags', () => {
    expect(read('#견적 견적 회신 확인 내일 오후 3시', seoul)).toEqual({
      title: '견적 회신 확인',
      body: '',
      tags: ['견적'],
      followUp: { phrase: '내일 오후 3시', dueAt: '2025-03-07T15:00:00+09:00' },
    })
  })

  it('keeps further lines as the body, verbatim, and collects their tags too', () => {
    const r = read('Quote for Kim\n\nPrices in the #q3 sheet\n  indented line  \n\n', newYork)
    expect(r).toMatchObject({ title: 'Quote for Kim', body: 'Prices in the #q3 sheet\n  indented line' })
    expect(r.tags).toEqual(['q3'])
  })

  it('takes a last line that is wholly a time as the follow-up', () => {
    const r = read('Quote for Kim\nsend the PDF\n다음 주 월요일', seoul)
    expect(r).toMatchObject({ title: 'Quote for Kim', body: 'send the PDF' })
    expect(r.followUp).toEqual({ phrase: '다음 주 월요일', dueAt: '2025-03-10T09:00:00+09:00' })
  })

  it('leaves the phrase in the title when the user removed the follow-up', () => {
    expect(read('Call Kim fri 10am', { ...newYork, ignoreFollowUp: true })).toMatchObject({
      title: 'Call Kim fri 10am',
      followUp: null,
    })
  })

  it('finds no follow-up in ordinary words, and no title in an empty capture', () => {
    expect(read('Buy milk', newYork).followUp).toBeNull()
    expect(read('Ask if we may', newYork)).toMatchObject({ title: 'Ask if we may', followUp: null })
    expect(read('', newYork)).toEqual({ title: '', body: '', tags: [], followUp: null })
    expect(read('\n\n  First real line\nbody', newYork)).toMatchObject({
      title: 'First real line',
      body: 'body',
    })
  })

  it('does not take a follow-up that has already passed', () => {
    // "yesterday 9am" reads as a time, but a follow-up needs a time still to come.
    expect(read('Report yesterday 9am', newYork)).toMatchObject({
      title: 'Report yesterday 9am',
      followUp: null,
    })
  })
})

describe('extractTags', () => {
  it('keeps letters of any script, drops numbers, suffixes and duplicates', () => {
    expect(extractTags('#Sales call #1 priority, C# code #sales #견적서 #v2.')).toEqual([
      'Sales',
      '견적서',
      'v2',
    ])
  })

  it('stops a tag at punctuation that cannot be in one', () => {
    expect(extractTags('see #client,#other (#paren)')).toEqual(['client'])
  })
})
