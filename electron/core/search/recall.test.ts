import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/domain/search-query'
import { execute } from './execute'
import { FLAG_DONE, FLAG_FOLLOWUP, type IndexDoc } from './index-doc'
import { InvertedIndex } from './inverted-index'
import { testDoc } from './test-doc'

/** Real sentences, as people write them: particles glued to Korean words, no spaces in Chinese/Japanese. */
const NOTES: Record<string, string> = {
  ko1: '고객사 미팅 후 후속조치를 정리해서 금요일까지 회신하기로 했다.',
  ko2: '견적서 후속조치에 대해 김 부장님께 다시 연락드릴 것',
  ko3: '조치 사항: 서버 점검 일정 확인',
  zh1: '我们认证了系统，下周一开始上线。',
  zh2: '客户要求重新报价，合同下周签署。',
  ja1: '来週の会議でフォローアップの予定を確認します。',
  ja2: '見積りを顧客に送付しました。返事待ちです。',
  en1: 'Café meeting with Zoë about the naïve rollout plan',
  en2: 'Quarterly budget review: follow up with finance on travel expenses',
  en3: 'Meeting notes — recruiting pipeline and interview loop',
}

function build(extra: Partial<Record<string, Partial<IndexDoc>>> = {}): InvertedIndex {
  const index = new InvertedIndex()
  let i = 0
  for (const [id, text] of Object.entries(NOTES)) {
    const day = Date.UTC(2024, 0, 1 + i++)
    index.add(testDoc(id, text, { notebookName: 'Inbox', createdAt: day, updatedAt: day, ...extra[id] }))
  }
  return index
}

const NOW = Date.UTC(2025, 4, 10, 12)
function find(index: InvertedIndex, query: string): string[] {
  const result = execute(index, parseQuery(query), {
    limit: 50,
    now: NOW,
    notebookNames: new Map([
      ['inbox', 'Inbox'],
      ['work', 'Client Work'],
    ]),
    textOf: (doc) => ({ title: '', text: NOTES[index.ids[doc]!] ?? '' }),
  })
  return result.hits.map((h) => index.ids[h.doc]!).sort()
}

describe('recall: Korean, Chinese, Japanese', () => {
  const index = build()
  it('finds a Korean word inside a longer word with its particle', () => {
    expect(find(index, '조치')).toEqual(['ko1', 'ko2', 'ko3'])
    expect(find(index, '후속조치')).toEqual(['ko1', 'ko2'])
    expect(find(index, '후속조치에')).toEqual(['ko2'])
    expect(find(index, '회신')).toEqual(['ko1'])
  })
  it('finds Chinese and Japanese words inside unspaced sentences', () => {
    expect(find(index, '认证')).toEqual(['zh1'])
    expect(find(index, '报价')).toEqual(['zh2'])
    expect(find(index, '会議')).toEqual(['ja1'])
    expect(find(index, 'フォローアップ')).toEqual(['ja1'])
    expect(find(index, '顧客')).toEqual(['ja2'])
  })
  it('does not match characters that are only near each other', () => {
    expect(find(index, '认系')).toEqual([])
    expect(find(index, '조치를다')).toEqual([])
  })
  it('keeps CJK bigrams out of Latin results', () => {
    expect(find(index, 'meeting')).toEqual(['en1', 'en3'])
  })
})

describe('recall: English and Latin script', () => {
  const index = build()
  it('ignores case and accents both ways', () => {
    expect(find(index, 'cafe')).toEqual(['en1'])
    expect(find(index, 'ZOE naive')).toEqual(['en1'])
    expect(find(index, 'café')).toEqual(['en1'])
  })
  it('matches every word as a prefix (as MiniSearch with prefix: true), a quoted word exactly', () => {
    expect(find(index, 'quart')).toEqual(['en2'])
    expect(find(index, 'quart ')).toEqual(['en2'])
    expect(find(index, 'quart budg')).toEqual(['en2'])
    expect(find(index, '"quart"')).toEqual([])
    expect(find(index, 'follow')).toEqual(['en2'])
  })
  it('ranks a whole-word match above a completion', () => {
    const index = new InvertedIndex()
    const add = (id: string, text: string) => index.add(testDoc(id, text))
    add('long', 'garden party')
    add('exact', 'gar party')
    const hits = execute(index, parseQuery('gar'), {
      limit: 5,
      now: NOW,
      notebookNames: new Map(),
      textOf: () => null,
    })
    expect(hits.hits.map((h) => index.ids[h.doc])).toEqual(['exact', 'long'])
  })
  it('tolerates a typo in a long word, not in a short one', () => {
    expect(find(index, 'recruting ')).toEqual(['en3'])
    expect(find(index, 'budgit ')).toEqual(['en2'])
    expect(find(index, 'plam ')).toEqual([])
  })
  it('applies AND, OR, exclusion and phrases', () => {
    expect(find(index, 'meeting rollout')).toEqual(['en1'])
    expect(find(index, 'rollout OR recruiting')).toEqual(['en1', 'en3'])
    expect(find(index, 'meeting -rollout')).toEqual(['en3'])
    expect(find(index, '"interview loop"')).toEqual(['en3'])
    expect(find(index, '"loop interview"')).toEqual([])
    expect(find(index, 'meeting -"rollout plan"')).toEqual(['en3'])
  })
})

describe('filters', () => {
  const index = build({
    en1: { tags: ['Sales'], notebookId: 'work', notebookName: 'Client Work' },
    en2: { flags: FLAG_FOLLOWUP, dueAt: NOW - 3_600_000 },
    en3: { flags: FLAG_DONE | FLAG_FOLLOWUP, dueAt: NOW - 3_600_000 },
  })
  it('filters by tag, notebook name, follow-up, done and due', () => {
    expect(find(index, 'tag:sales')).toEqual(['en1'])
    expect(find(index, 'notebook:"client work"')).toEqual(['en1'])
    expect(find(index, 'has:followup')).toEqual(['en2', 'en3'])
    expect(find(index, 'is:done')).toEqual(['en3'])
    expect(find(index, 'due:overdue')).toEqual(['en2'])
    expect(find(index, 'meeting -is:done')).toEqual(['en1'])
  })
  it('filters by created and updated dates', () => {
    expect(find(index, 'updated:>2024-01-09')).toEqual(['en3'])
    expect(find(index, 'created:<2024-01-02')).toEqual(['ko1'])
    expect(find(index, 'created:2024-01-04')).toEqual(['zh1'])
  })
  it('lists the newest first when the query has filters only', () => {
    const result = execute(index, parseQuery('has:followup'), {
      limit: 5,
      now: NOW,
      notebookNames: new Map(),
      textOf: () => null,
    })
    expect(result.hits.map((h) => index.ids[h.doc])).toEqual(['en3', 'en2'])
  })
})
