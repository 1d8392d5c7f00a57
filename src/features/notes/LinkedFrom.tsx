import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Backlink } from '../../../electron/shared/contract-links'
import { useApi } from '../../app/api-context'
import { messageOf } from '../../ui/message-of'
import { touchesBacklinks } from './backlinks-change'
import './LinkedFrom.css'

interface Props {
  noteId: string
  onOpen: (id: string) => void
}

/**
 * "Linked from": the notes whose text links to this one (core's backlink index), each opening that note.
 * Asked again when a change can alter it (a link added or removed anywhere shows within a save), and
 * only then: the change event's rows say which notes link where, so typing in this note costs no call.
 */
export function LinkedFrom({ noteId, onOpen }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [state, setState] = useState<{ links: Backlink[]; error: string | null }>({ links: [], error: null })
  useEffect(() => {
    let live = true
    let asked = 0
    let answered = 0
    let failed = false
    // The sources on screen: a change to one of them changes what is shown.
    let shown: ReadonlySet<string> = new Set()
    const load = () => {
      const ask = ++asked
      const settle = (links: Backlink[], error: string | null) => {
        answered = Math.max(answered, ask)
        if (!live || ask !== asked) return
        shown = new Set(links.map((link) => link.id))
        failed = error !== null
        setState({ links, error })
      }
      api.notes.backlinks({ id: noteId }).then(
        (links) => settle(links, null),
        (error: unknown) => settle([], messageOf(error)),
      )
    }
    load()
    const off = api.on('library.changed', (change) => {
      // A change while an answer is on its way may have come after it was read, so it is asked again;
      // so is one after a failed ask.
      if (answered < asked || failed || touchesBacklinks(noteId, shown, change)) load()
    })
    return () => {
      live = false
      off()
    }
  }, [api, noteId])

  if (state.error)
    return (
      <p className="linked-from-error" role="alert">
        {t('noteLinks.backlinks.failed', { message: state.error })}
      </p>
    )
  if (state.links.length === 0) return null
  const headingId = `linked-from-${noteId}`
  return (
    <section className="linked-from" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('noteLinks.backlinks.title')}{' '}
        <span className="linked-from-count">
          {t('noteLinks.backlinks.count', { count: state.links.length })}
        </span>
      </h2>
      <ul>
        {state.links.map((link) => (
          <li key={link.id}>
            <button type="button" className="linked-from-note" onClick={() => onOpen(link.id)}>
              <span className="linked-from-title">{link.title || t('list.untitled')}</span>
              {link.snippet && <span className="linked-from-snippet">{link.snippet}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
