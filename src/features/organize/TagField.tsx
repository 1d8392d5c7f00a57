import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePopupPosition } from '../../lib/use-popup-position'
import { suggestTags } from '../notes/list-view'

interface Props {
  tags: readonly string[]
  known: readonly string[]
  onAdd: (tag: string) => void
  onRemove?: (tag: string) => void
  autoFocus?: boolean
  /** Rejects what the core would refuse, before sending it. */
  validate?: (tag: string) => string | null
}

const TAG_RULE = /^[^\s,#]{1,64}$/u

/**
 * Tag chips plus a combobox: Enter or comma adds, Backspace in an empty field removes the last tag,
 * arrows move through suggestions drawn from tags already in the library.
 */
export function TagField({ tags, known, onAdd, onRemove, autoFocus }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [active, setActive] = useState(-1)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()
  const suggestions = text.trim() ? suggestTags(known, text, tags) : []
  const open = suggestions.length > 0
  const combo = useRef<HTMLDivElement>(null)
  const placeList = usePopupPosition(() => combo.current?.getBoundingClientRect() ?? null, { gap: 4 })

  const add = (raw: string) => {
    const tag = raw.trim().replace(/^#/, '')
    if (!tag) return
    if (!TAG_RULE.test(tag)) {
      setError(t('organize.failed', { message: 'a tag has no spaces, commas or "#"' }))
      return
    }
    setError(null)
    if (!tags.some((x) => x.toLocaleLowerCase() === tag.toLocaleLowerCase())) onAdd(tag)
    setText('')
    setActive(-1)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(active >= 0 && suggestions[active] ? suggestions[active] : text)
    } else if (event.key === 'Backspace' && !text && tags.length && onRemove) {
      onRemove(tags[tags.length - 1]!)
    } else if (event.key === 'ArrowDown' && open) {
      event.preventDefault()
      setActive((a) => (a + 1) % suggestions.length)
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault()
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1))
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation()
      setText('')
    }
  }

  return (
    <div className="tag-field">
      <ul className="tag-chips" aria-label={t('organize.noteTags')}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>#{tag}</span>
            {onRemove && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('organize.removeTag', { name: tag })}
                title={t('organize.removeTag', { name: tag })}
                onClick={() => onRemove(tag)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="tag-combo" ref={combo}>
        <input
          type="text"
          role="combobox"
          aria-label={t('organize.tagName')}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          placeholder={t('organize.addTagPlaceholder')}
          value={text}
          maxLength={65}
          autoFocus={autoFocus}
          onChange={(event) => {
            // A comma ends a tag, also when it arrives by paste ("a, b, c") rather than a key press.
            const parts = event.target.value.split(',')
            const rest = parts.pop() ?? ''
            let added = tags
            for (const part of parts) {
              const tag = part.trim().replace(/^#/, '')
              if (tag && TAG_RULE.test(tag) && !added.some((x) => x.toLocaleLowerCase() === tag.toLocaleLowerCase())) {
                onAdd(tag)
                added = [...added, tag]
              }
            }
            setText(rest)
            setActive(-1)
            setError(null)
          }}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul
            ref={placeList}
            id={listId}
            role="listbox"
            aria-label={t('organize.tagSuggestions')}
            className="tag-suggestions"
          >
            {suggestions.map((tag, i) => (
              <li
                key={tag}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="tag-suggestion"
                onMouseDown={(event) => {
                  event.preventDefault() // keep focus in the field
                  add(tag)
                }}
              >
                #{tag}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
