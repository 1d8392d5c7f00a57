import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Board } from '../../../electron/shared/board'
import { useApi } from '../../app/api-context'
import type { ConfirmRequest } from '../../ui/ConfirmDialog'
import { InlineRename } from '../../ui/InlineRename'
import { MenuButton } from '../../ui/Menu'
import { changeBoards, useBoards } from './use-boards'
import './sidebar.css'

interface Props {
  currentId: string | null
  onOpen: (id: string) => void
  /** Called after the open board was deleted, so the shell can leave it. */
  onDeleted: (id: string) => void
  confirm: (request: ConfirmRequest) => void
}

/** The sidebar's Boards section: open, add, rename, archive and delete boards. */
export function BoardsSection({ currentId, onOpen, onDeleted, confirm }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const { boards } = useBoards()
  const [editing, setEditing] = useState<string | null>(null)
  const [showArchived, setShowArchived] = useState(false)
  const active = boards.filter((b) => !b.archivedAt)
  const archived = boards.filter((b) => b.archivedAt)

  const create = async (name: string) => {
    // Column names are chosen here, in the user's language, and then belong to the board.
    const board = await changeBoards(() =>
      api.boards.create({
        name,
        columns: [
          { name: t('boards.defaultColumns.todo'), done: false },
          { name: t('boards.defaultColumns.waiting'), done: false },
          { name: t('boards.defaultColumns.done'), done: true },
        ],
      }),
    )
    onOpen(board.id)
  }

  const askDelete = async (board: Board) => {
    const count = (await api.boards.cards({ id: board.id })).length
    confirm({
      title: t('boards.deleteTitle', { name: board.name }),
      body: t('boards.deleteBody', { count }),
      confirm: t('boards.deleteConfirm'),
      onConfirm: () =>
        void changeBoards(() => api.boards.delete({ id: board.id })).then(() => onDeleted(board.id)),
    })
  }

  const entry = (board: Board) =>
    editing === board.id ? (
      <li key={board.id}>
        <InlineRename
          label={t('boards.renameLabel', { name: board.name })}
          initial={board.name}
          maxLength={200}
          onSave={async (name) => {
            await changeBoards(() => api.boards.rename({ id: board.id, name }))
          }}
          onClose={() => setEditing(null)}
        />
      </li>
    ) : (
      <li key={board.id} className="nav-entry">
        <button
          type="button"
          className="nav-item"
          aria-current={currentId === board.id ? 'page' : undefined}
          onClick={() => onOpen(board.id)}
        >
          <span className="nav-icon icon-board" aria-hidden="true" />
          <span className="nav-label">{board.name}</span>
        </button>
        <span className="nav-actions">
          <MenuButton
            label={t('boards.actions', { name: board.name })}
            align="right"
            items={() => [
              { id: 'rename', label: t('boards.rename'), onSelect: () => setEditing(board.id) },
              {
                id: 'archive',
                label: board.archivedAt ? t('boards.unarchive') : t('boards.archive'),
                onSelect: () =>
                  void changeBoards(() => api.boards.archive({ id: board.id, archived: !board.archivedAt })),
              },
              {
                id: 'delete',
                label: t('boards.delete'),
                danger: true,
                onSelect: () => void askDelete(board),
              },
            ]}
          />
        </span>
      </li>
    )

  return (
    <>
      <div className="nav-heading">
        <span id="boards-heading">{t('boards.section')}</span>
      </div>
      <ul className="nav-list" aria-labelledby="boards-heading">
        {active.map(entry)}
        {active.length === 0 && <li className="nav-empty">{t('boards.none')}</li>}
      </ul>
      {archived.length > 0 && (
        <>
          <button
            type="button"
            className="ghost-button archived-toggle"
            aria-expanded={showArchived}
            onClick={() => setShowArchived((v) => !v)}
          >
            {t('boards.showArchivedBoards', { count: archived.length })}
          </button>
          {showArchived && <ul className="nav-list is-archived">{archived.map(entry)}</ul>}
        </>
      )}
      {editing === 'new' ? (
        <InlineRename
          label={t('boards.boardName')}
          initial=""
          maxLength={200}
          onSave={create}
          onClose={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="ghost-button new-notebook" onClick={() => setEditing('new')}>
          <span className="plus" aria-hidden="true">
            +
          </span>
          {t('boards.newBoard')}
        </button>
      )}
    </>
  )
}
