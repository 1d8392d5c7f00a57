import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Backlink } from '../../../electron/shared/contract-links'
import { useApi } from '../../app/api-context'
import { messageOf } from '../../ui/message-of'

interface Props {
  noteId: string
  onOpen: (id: string) => void
}

/**
 * "Linked from": the notes whose text links to this one (core's backlink index), each opening that note.
 * Asked again whenever the library changes, so a link added or removed anywhere shows here within a save.
 */
export function LinkedFrom({ noteId, onOpen }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [state, setState] = useState<{ links: Backlink[]; error: string | null }>({ links: [], error: null })
  useEffect(() => {
    let live = true
    let asked = 0
    const load = () => {
      const ask = ++asked
      api.notes.backlinks({ id: noteId }).then(
        (links) => live && ask === asked && setState({ links, error: null }),
        (error: unknown) => live && ask === asked && setState({ links: [], error: messageOf(error) }),
      )
    }
    load()
    const off = api.on('library.changed', load)
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
