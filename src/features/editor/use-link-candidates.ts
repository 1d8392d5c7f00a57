import { useEffect, useState } from 'react'
import { fold } from '../../../electron/shared/domain/fold'
import { useApi } from '../../app/api-context'
import type { LinkableNote, NoteDirectory } from './extensions/note-link'

const LIMIT = 8

export type Candidate = Pick<LinkableNote, 'id' | 'title'>

/**
 * Notes to link to for the words typed: titles containing them first (any script, any part of a word: "견적"
 * finds "2차 견적 요청"), then what the app's search finds in their text, most relevant first. With no words,
 * the notes edited last. The note being edited is never offered.
 */
export function useLinkCandidates(query: string, directory: NoteDirectory, selfId: string | undefined) {
  const api = useApi()
  const words = query.trim()
  const byTitle = directory
    .notes()
    .filter((n) => n.id !== selfId && fold(n.title).includes(fold(words)))
    .slice(0, LIMIT)
  const [found, setFound] = useState<{ words: string; hits: Candidate[] }>({ words: '', hits: [] })
  useEffect(() => {
    if (!words) return
    let live = true
    api.search.query({ query: words, limit: LIMIT * 2 }).then(
      (result) => live && !result.superseded && setFound({ words, hits: result.hits }),
      () => live && setFound({ words, hits: [] }),
    )
    return () => {
      live = false
    }
  }, [api, words])
  const known = new Set(byTitle.map((n) => n.id))
  const linkable = new Set(directory.notes().map((n) => n.id))
  const fromSearch = found.words === words && words ? found.hits : []
  const more = fromSearch.filter((h) => h.id !== selfId && linkable.has(h.id) && !known.has(h.id))
  return [...byTitle.map(({ id, title }) => ({ id, title })), ...more].slice(0, LIMIT)
}
