import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { carriesNotes, readDraggedIds } from './note-drag'

interface Props {
  id: string
  label: string
  count: number
  icon: string
  current: boolean
  onOpen: () => void
  /** Makes the entry a drop target for notes dragged from the list. */
  onDropNotes?: (ids: string[]) => void
  /** An actions menu shown beside the entry (rename, delete). */
  actions?: ReactNode
}

export function NavEntry({ id, label, count, icon, current, onOpen, onDropNotes, actions }: Props) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const countId = `count-${id}`
  return (
    <li
      className={`nav-entry${over ? ' is-drop-target' : ''}`}
      onDragOver={(event) => {
        if (!onDropNotes || !carriesNotes(event.dataTransfer)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false)
        if (!onDropNotes) return
        event.preventDefault()
        const ids = readDraggedIds(event.dataTransfer)
        if (ids.length) onDropNotes(ids)
      }}
    >
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'page' : undefined}
        aria-describedby={countId}
        onClick={onOpen}
        title={over ? t('organize.dropHere', { name: label }) : undefined}
      >
        <span className={`nav-icon icon-${icon}`} aria-hidden="true" />
        <span className="nav-label">{label}</span>
        <span className="nav-count" id={countId} aria-label={t('sidebar.count', { count })}>
          {count}
        </span>
      </button>
      {actions && <span className="nav-actions">{actions}</span>}
    </li>
  )
}
