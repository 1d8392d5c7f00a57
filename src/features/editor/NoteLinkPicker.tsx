import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { Rect } from '../../lib/popup-position'
import { usePopupPosition } from '../../lib/use-popup-position'
import type { NoteDirectory } from './extensions/note-link'
import { useLinkCandidates, type Candidate } from './use-link-candidates'

interface Props {
  directory: NoteDirectory
  selfId: string | undefined
  /** The typed `[[words` (the popup then has no field of its own), or undefined for the toolbar's dialog. */
  typed?: string
  /** Where the popup sits: under the caret, or above it when there is no room (always inside the window). */
  anchor: () => Rect | null
  onPick: (note: Candidate) => void
  /** `back`: return to the text (false when the user clicked elsewhere). */
  onClose: (back: boolean) => void
  /** While typing `[[`, the editor hands its arrow, Enter and Escape keys to this. */
  keysRef?: { current: ((event: KeyboardEvent) => boolean) | null }
}

/**
 * "Link to note": a list of notes matching the words, chosen with the arrows and Enter (or a click). From
 * the toolbar it is a small dialog with a search field; after `[[` it lists the notes for the words typed
 * in the text, and focus never leaves the editor, so typing (Korean too) carries on as usual.
 */
export function NoteLinkPicker({ directory, selfId, typed, anchor, onPick, onClose, keysRef }: Props) {
  const { t } = useTranslation()
  const [field, setField] = useState('')
  const query = typed ?? field
  const candidates = useLinkCandidates(query, directory, selfId)
  // The highlighted row, for these words: new words start again at the first row.
  const [chosen, setChosen] = useState({ query, index: 0 })
  const active = chosen.query === query ? chosen.index : 0
  const setActive = (index: number) => setChosen({ query, index })
  const current = Math.min(active, Math.max(0, candidates.length - 1))
  const box = useRef<HTMLDivElement>(null)
  const place = usePopupPosition(anchor, { gap: 6 }, box)
  const listId = useId()
  const optionId = (i: number) => `${listId}-${i}`

  const onKey = (key: string): boolean => {
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const step = key === 'ArrowDown' ? 1 : -1
      if (candidates.length) setActive((current + step + candidates.length) % candidates.length)
      return true
    }
    if (key === 'Enter') {
      const pick = candidates[current]
      if (!pick) return typed === undefined
      onPick(pick)
      return true
    }
    if (key === 'Escape') {
      onClose(true)
      return true
    }
    return false
  }
  const latest = useRef(onKey)
  useLayoutEffect(() => {
    latest.current = onKey
  })
  useEffect(() => {
    if (!keysRef) return
    keysRef.current = (event) => latest.current(event.key)
    return () => {
      keysRef.current = null
    }
  }, [keysRef])

  const close = useRef(onClose)
  useLayoutEffect(() => {
    close.current = onClose
  })
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) close.current(false)
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [])

  const onFieldKey = (event: ReactKeyboardEvent) => {
    if (event.nativeEvent.isComposing) return
    if (onKey(event.key)) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  const empty = query.trim()
    ? t('noteLinks.picker.none', { query: query.trim() })
    : t('noteLinks.picker.noNotes')
  return (
    <div
      ref={place}
      className={`note-link-picker${typed === undefined ? ' is-dialog' : ''}`}
      role={typed === undefined ? 'dialog' : undefined}
      aria-label={t('noteLinks.picker.title')}
    >
      {typed === undefined && (
        <input
          autoFocus
          type="text"
          className="note-link-search"
          role="combobox"
          aria-label={t('noteLinks.picker.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={candidates.length ? optionId(current) : undefined}
          placeholder={t('noteLinks.picker.placeholder')}
          value={field}
          onChange={(event) => setField(event.target.value)}
          onKeyDown={onFieldKey}
        />
      )}
      <ul id={listId} role="listbox" aria-label={t('noteLinks.picker.results')} className="note-link-options">
        {candidates.map((note, i) => (
          <li
            key={note.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            // Keep focus (and the caret) where it is: the click picks, the text stays the text.
            onMouseDown={(event) => event.preventDefault()}
            // Only a pointer that moves chooses: the popup opening under a resting pointer (it appears at
            // the caret, where the pointer often is) fires mouseenter, and Enter would link that row.
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => onPick(note)}
          >
            {note.title || t('noteLinks.picker.untitled')}
          </li>
        ))}
      </ul>
      {candidates.length === 0 && <p className="note-link-empty">{empty}</p>}
      <p className="note-link-hint" aria-hidden="true">
        {t('noteLinks.picker.hint')}
      </p>
    </div>
  )
}
