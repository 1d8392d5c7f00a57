import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSavedSearches } from './use-saved-searches'
import { messageOf } from '../../ui/message-of'

/** "Save search" under the palette's box: names the current query and keeps it in the sidebar. */
export function SaveSearchForm({ query }: { query: string }) {
  const { t } = useTranslation()
  const { list, save } = useSavedSearches()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const existing = list.find((s) => s.query === query.trim())

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const chosen = name.trim() || query.trim()
    try {
      await save(chosen, query.trim())
      setNaming(false)
      setStatus({ error: false, text: t('search.saved.done', { name: chosen }) })
    } catch (error) {
      setStatus({ error: true, text: messageOf(error) })
    }
  }

  if (!query.trim()) return null
  return (
    <div className="search-save">
      {naming ? (
        <form className="search-save-form" onSubmit={(e) => void submit(e)}>
          <input
            aria-label={t('search.saved.name')}
            value={name}
            maxLength={100}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              // Enter that confirms a Korean syllable must not also save a half-typed name.
              if (e.key === 'Enter' && e.nativeEvent.isComposing) e.preventDefault()
              if (e.key === 'Escape') {
                e.stopPropagation()
                setNaming(false)
              }
            }}
          />
          <button type="submit" className="small-button primary">
            {t('search.saved.confirm')}
          </button>
          <button type="button" className="small-button" onClick={() => setNaming(false)}>
            {t('search.saved.cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="small-button"
          onClick={() => {
            setName(existing?.name ?? query.trim())
            setStatus(null)
            setNaming(true)
          }}
        >
          {t('search.saved.save')}
        </button>
      )}
      <span role={status?.error ? 'alert' : 'status'}>{status?.text}</span>
    </div>
  )
}
