import { describe, expect, it } from 'vitest'
import { parsePlace, readPlace, savePlace, type Place } from './place'

const memory = () => {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

describe('the place a reload returns to', () => {
  it('round-trips every kind of place', () => {
    const places: Place[] = [
      { pane: 'notes', scope: { kind: 'notebook', id: 'nb1' }, boardId: null, noteId: 'n1' },
      { pane: 'notes', scope: { kind: 'tag', tag: '고객' }, boardId: null, noteId: null },
      { pane: 'followups', scope: { kind: 'all' }, boardId: null, noteId: 'n2' },
      { pane: 'board', scope: { kind: 'trash' }, boardId: 'b1', noteId: null },
    ]
    for (const place of places) {
      const storage = memory()
      savePlace(place, storage)
      expect(readPlace(storage)).toEqual(place)
    }
  })

  it('drops what does not parse or has the wrong shape, instead of trusting it', () => {
    expect(parsePlace(null)).toBeNull()
    expect(parsePlace('{not json')).toBeNull()
    expect(parsePlace('[]')).toBeNull()
    expect(parsePlace(JSON.stringify({ pane: 'notes', scope: { kind: 'notebook' } }))).toBeNull()
    expect(parsePlace(JSON.stringify({ pane: 'notes', scope: { kind: 'bogus' } }))).toBeNull()
    // A board pane without a board falls back to the notes; a bad note id is left out.
    expect(parsePlace(JSON.stringify({ pane: 'board', scope: { kind: 'all' }, noteId: 42 }))).toEqual({
      pane: 'notes',
      scope: { kind: 'all' },
      boardId: null,
      noteId: null,
    })
  })

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    expect(readPlace(broken)).toBeNull()
    expect(() => savePlace({ pane: 'notes', scope: { kind: 'all' }, boardId: null, noteId: null }, broken)).not.toThrow()
  })
})
