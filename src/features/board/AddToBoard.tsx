import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePopupPosition } from '../../lib/use-popup-position'
import type { Note } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { useBoards } from './use-boards'
import { useSubmit } from '../../ui/use-submit'
import './AddToBoard.css'

interface Props {
  note: Note
  /** Saves the editor's pending edits first, so the placement does not leave it a revision behind. */
  beforeChange: () => Promise<void>
  onChanged: (saved: Note) => void
}

/** The note view's "Add to board": pick a board and a column, or take the note off its board. */
export function AddToBoard({ note, beforeChange, onChanged }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const { boards } = useBoards()
  const [open, setOpen] = useState(false)
  const [boardId, setBoardId] = useState('')
  const [columnId, setColumnId] = useState('')
  const submit = useSubmit()
  const error = submit.error
  const button = useRef<HTMLButtonElement>(null)
  // It sits at the right of the note's header: its right edge lines up with the button's.
  const placePopup = usePopupPosition(() => button.current?.getBoundingClientRect() ?? null, {
    align: 'end',
  })
  const usable = boards.filter((b) => !b.archivedAt || b.id === note.board?.boardId)
  const board = usable.find((b) => b.id === boardId)
  const placedOn = boards.find((b) => b.id === note.board?.boardId)
  const placedColumn = placedOn?.columns.find((c) => c.id === note.board?.columnId)

  const columnFor = (id: string) => {
    const b = usable.find((x) => x.id === id)
    return b?.id === note.board?.boardId ? (note.board?.columnId ?? '') : (b?.columns[0]?.id ?? '')
  }
  const toggle = () => {
    if (!open) {
      const first = note.board?.boardId ?? usable[0]?.id ?? ''
      setBoardId(first)
      setColumnId(columnFor(first))
    }
    setOpen(!open)
  }

  const run = async (work: () => Promise<Note>) => {
    const changed = await submit.run(async () => {
      await beforeChange()
      onChanged(await work())
    })
    if (changed) setOpen(false)
  }

  return (
    <div className="add-to-board">
      <button
        ref={button}
        type="button"
        className="small-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={toggle}
      >
        <span className="nav-icon icon-board" aria-hidden="true" />
        {placedOn && placedColumn
          ? t('boards.addTo.onBoard', { board: placedOn.name, column: placedColumn.name })
          : t('boards.addTo.button')}
      </button>
      {open && (
        <div
          ref={placePopup}
          className="add-to-board-popup"
          role="dialog"
          aria-label={t('boards.addTo.pick', { title: note.title || t('boards.card.untitled') })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
          {usable.length === 0 ? (
            <p>{t('boards.addTo.noBoards')}</p>
          ) : (
            <>
              <label>
                {t('boards.addTo.board')}
                <select
                  className="control"
                  autoFocus
                  value={boardId}
                  onChange={(e) => {
                    setBoardId(e.target.value)
                    setColumnId(columnFor(e.target.value))
                  }}
                >
                  {usable.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('boards.addTo.column')}
                <select className="control" value={columnId} onChange={(e) => setColumnId(e.target.value)}>
                  {board?.columns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="form-actions">
                <button
                  type="button"
                  className="small-button primary"
                  disabled={!boardId || !columnId}
                  onClick={() => void run(() => api.cards.place({ id: note.id, boardId, columnId }))}
                >
                  {t('boards.addTo.place')}
                </button>
                {note.board && (
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => void run(() => api.cards.remove({ id: note.id }))}
                  >
                    {t('boards.addTo.remove')}
                  </button>
                )}
              </div>
            </>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
