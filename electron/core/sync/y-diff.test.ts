import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocNodeT, NoteDoc } from '../../shared/model'
import { updateFragment } from './y-diff'
import { FRAGMENT, readDoc, writeDoc } from './y-format'

const t = (text: string, marks?: { type: string; attrs?: Record<string, unknown> }[]): DocNodeT => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
})
const doc = (...paras: DocNodeT[][]): NoteDoc => ({
  type: 'doc',
  content: paras.map((c) => ({ type: 'paragraph', ...(c.length ? { content: c } : {}) })),
})

function seeded(d: NoteDoc, client = 1): Y.Doc {
  const y = new Y.Doc()
  y.clientID = client
  writeDoc(y.getXmlFragment(FRAGMENT), d)
  return y
}
const read = (y: Y.Doc) => readDoc(y.getXmlFragment(FRAGMENT))
function fork(y: Y.Doc, client: number): Y.Doc {
  const copy = new Y.Doc()
  copy.clientID = client
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(y))
  return copy
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

describe('updateFragment', () => {
  it('edits text inside marked runs without disturbing the marks around it', () => {
    const y = seeded(doc([t('고객 '), t('김 부장', [{ type: 'bold' }]), t(' 연락')]))
    const next = doc([t('고객 '), t('김 과장', [{ type: 'bold' }]), t(' 연락 완료', [{ type: 'italic' }])])
    updateFragment(y.getXmlFragment(FRAGMENT), next)
    expect(read(y)).toEqual(next)
  })

  it('writes nothing when the document is unchanged', () => {
    const d = doc([t('same '), t('bold', [{ type: 'bold' }])], [t('two')])
    const y = seeded(d)
    const before = Y.encodeStateVector(y)
    updateFragment(y.getXmlFragment(FRAGMENT), structuredClone(d))
    expect(Y.encodeStateVector(y)).toEqual(before)
  })

  it('two devices editing different words of one paragraph both keep their edit', () => {
    const a = seeded(doc([t('Call Kim about the quote')]))
    const b = fork(a, 2)
    updateFragment(a.getXmlFragment(FRAGMENT), doc([t('Call 김 부장 about the quote')]))
    updateFragment(b.getXmlFragment(FRAGMENT), doc([t('Call Kim about the new quote today')]))
    sync(a, b)
    expect(read(a)).toEqual(read(b))
    expect(read(a)).toEqual(doc([t('Call 김 부장 about the new quote today')]))
  })

  it('a paragraph added on each side keeps both, and a removed mark stays removed', () => {
    const a = seeded(doc([t('one', [{ type: 'bold' }])], [t('two')]))
    const b = fork(a, 2)
    updateFragment(a.getXmlFragment(FRAGMENT), doc([t('one')], [t('two')], [t('from a')]))
    updateFragment(b.getXmlFragment(FRAGMENT), doc([t('zero')], [t('one', [{ type: 'bold' }])], [t('two')]))
    sync(a, b)
    expect(read(a)).toEqual(read(b))
    expect(read(a)).toEqual(doc([t('zero')], [t('one')], [t('two')], [t('from a')]))
  })

  it('text typed concurrently into one empty paragraph reads as one run, and is edited as one', () => {
    const a = seeded(doc([]))
    const b = fork(a, 2)
    updateFragment(a.getXmlFragment(FRAGMENT), doc([t('가나')]))
    updateFragment(b.getXmlFragment(FRAGMENT), doc([t('다라')]))
    sync(a, b)
    const merged = read(a)
    expect(merged).toEqual(read(b))
    const both = (merged.content![0]!.content ?? []).map((n) => n.text).join('')
    expect([...both].sort().join('')).toBe('가나다라')
    updateFragment(a.getXmlFragment(FRAGMENT), doc([t(`${both}마`)]))
    expect(read(a)).toEqual(doc([t(`${both}마`)]))
  })

  it('never splits an emoji when one of two emojis sharing a surrogate changes', () => {
    const y = seeded(doc([t('a😀b')]))
    updateFragment(y.getXmlFragment(FRAGMENT), doc([t('a😃b')]))
    expect(read(y)).toEqual(doc([t('a😃b')]))
  })

  it('keeps what one device types into a line another device cleared meanwhile', () => {
    const a = seeded(doc([t('first')], [t('old words')]))
    const b = fork(a, 2)
    updateFragment(a.getXmlFragment(FRAGMENT), doc([t('first')], []))
    updateFragment(b.getXmlFragment(FRAGMENT), doc([t('first')], [t('old words and new ones')]))
    sync(a, b)
    expect(read(a)).toEqual(doc([t('first')], [t(' and new ones')]))
    expect(read(b)).toEqual(read(a))
  })
})
