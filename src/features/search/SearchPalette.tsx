import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { FILTER_CHIPS } from '../../../electron/shared/domain/search-query'
import { isMacPlatform } from '../editor/toolbar/shortcut-label'
import { Highlighted } from './Highlighted'
import { useNoteHighlight } from './note-highlight'
import { SaveSearchForm } from './SaveSearchForm'
import { useSearchLauncher } from './search-launcher'
import { isSearchShortcut, searchShortcutLabel } from './search-shortcut'
import { useSearch } from './use-search'
import './search.css'

const SYNTAX = ['words', 'phrase', 'exclude', 'or', 'tag', 'followup', 'date'] as const

export function SearchPalette({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [noteMatches, setNoteMatches] = useState<string[]>([])
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  const { result, error, loading } = useSearch(open ? query : '')
  const hits = result?.hits ?? []
  // A new answer may be shorter than the previous one; the highlighted row stays in range.
  const current = Math.min(active, Math.max(0, hits.length - 1))
  useNoteHighlight(noteMatches)
  const mac = isMacPlatform()
  const keys = searchShortcutLabel(mac)

  // Opens the palette with the last query selected, or with a given one (a saved search).
  const show = useCallback((saved?: string) => {
    if (saved !== undefined) {
      setQuery(saved)
      setActive(0)
    }
    setNoteMatches([])
    setOpen(true)
    requestAnimationFrame(() => (saved === undefined ? input.current?.select() : input.current?.focus()))
  }, [])
  useEffect(() => {
    // Capture: the shortcut works wherever focus is, the note's editor and title included.
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event)) return
      if (event.isComposing) {
        // Mid-syllable in a Korean IME: let it commit the syllable where it is typed, then open.
        window.addEventListener('compositionend', () => requestAnimationFrame(() => show()), { once: true })
        return
      }
      event.preventDefault()
      show()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [show])
  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])
  useSearchLauncher(show)

  const choose = (index: number) => {
    const hit = hits[index]
    if (!hit) return
    setNoteMatches(hit.matches)
    setOpen(false)
    onOpen(hit.id)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return // Enter confirms a Korean/Japanese composition, not a hit
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      if (hits.length) setActive((current + step + hits.length) % hits.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(current)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      setOpen(false)
    }
  }
  const addChip = (chip: string) => {
    setQuery(
      (q) => `${q.trim() ? `${q.trim()} ` : ''}${chip}${chip.endsWith(':') || chip.endsWith('>') ? '' : ' '}`,
    )
    setActive(0)
    input.current?.focus()
  }

  return (
    <>
      <button
        type="button"
        className="search-trigger"
        aria-keyshortcuts={mac ? 'Meta+Shift+F' : 'Control+Shift+F'}
        title={`${t('search.open')} (${keys})`}
        onClick={() => show()}
      >
        <span>{t('search.open')}</span>
        <kbd>{keys}</kbd>
      </button>
      {open && (
        <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div className="search-palette" role="dialog" aria-modal="true" aria-label={t('search.dialog')}>
            <input
              ref={input}
              type="search"
              className="search-input"
              role="combobox"
              aria-label={t('search.label')}
              aria-expanded={hits.length > 0}
              aria-controls={listId}
              aria-activedescendant={hits.length ? `${listId}-${current}` : undefined}
              aria-autocomplete="list"
              placeholder={t('search.placeholder')}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value)
                setActive(0)
              }}
              onKeyDown={onKeyDown}
            />
            <div className="search-chips" role="group" aria-label={t('search.filters')}>
              {FILTER_CHIPS.map((chip) => (
                <button key={chip} type="button" className="search-chip" onClick={() => addChip(chip)}>
                  {chip}
                </button>
              ))}
            </div>
            <SaveSearchForm query={query} />
            {result?.ignored.length ? (
              <p className="search-note" role="status">
                {t('search.ignored', { list: result.ignored.join('; ') })}
              </p>
            ) : null}
            {result && !result.complete ? <p className="search-note">{t('search.indexing')}</p> : null}
            {error ? <p className="search-note is-error">{t('search.failed', { message: error })}</p> : null}
            {!query.trim() ? (
              <div className="search-help">
                <p>{t('search.helpTitle')}</p>
                <dl>
                  {SYNTAX.map((key) => (
                    <div key={key}>
                      <dt>
                        <code>{t(`search.syntax.${key}.example`)}</code>
                      </dt>
                      <dd>{t(`search.syntax.${key}.meaning`)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : (
              <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results">
                {hits.map((hit, i) => (
                  <li
                    key={hit.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === current}
                    className={i === current ? 'search-hit is-active' : 'search-hit'}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => choose(i)}
                  >
                    <span className="search-hit-title">
                      <Highlighted text={hit.title || t('search.untitled')} matches={hit.matches} />
                    </span>
                    {hit.snippet ? (
                      <span className="search-hit-snippet">
                        <Highlighted text={hit.snippet} matches={hit.matches} />
                      </span>
                    ) : null}
                  </li>
                ))}
                {result && !loading && hits.length === 0 ? (
                  <li className="search-empty">{t('search.none')}</li>
                ) : null}
              </ul>
            )}
            {result && result.total > hits.length ? (
              <p className="search-note">{t('search.more', { count: result.total - hits.length })}</p>
            ) : null}
          </div>
        </div>
      )}
    </>
  )
}
