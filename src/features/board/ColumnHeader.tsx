import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import { InlineRename } from '../../ui/InlineRename'
import { MenuButton } from '../../ui/Menu'

interface Props {
  column: Column
  count: number
  handleAttributes: DraggableAttributes
  handleListeners: DraggableSyntheticListeners
  setHandle: (el: HTMLElement | null) => void
  onRename: (name: string) => Promise<void>
  onUpdate: (patch: { done?: boolean; wipLimit?: number | null }) => Promise<void>
  onDelete: () => void
  onAddTop: () => void
}

/** Memoised: the column's sortable re-renders the column on every drag step, the header need not follow. */
export const ColumnHeader = memo(function ColumnHeader(props: Props) {
  const {
    column,
    count,
    handleAttributes,
    handleListeners,
    setHandle,
    onRename,
    onUpdate,
    onDelete,
    onAddTop,
  } = props
  const { t } = useTranslation()
  const [editing, setEditing] = useState<'name' | 'wip' | null>(null)
  const over = column.wipLimit !== null && count > column.wipLimit
  if (editing === 'name') {
    return (
      <div className="column-header">
        <InlineRename
          label={t('boards.column.renameLabel', { name: column.name })}
          initial={column.name}
          maxLength={100}
          onSave={onRename}
          onClose={() => setEditing(null)}
        />
      </div>
    )
  }
  if (editing === 'wip') {
    return (
      <div className="column-header">
        <InlineRename
          label={t('boards.column.wipLabel', { name: column.name })}
          initial={String(column.wipLimit ?? 0)}
          maxLength={5}
          onSave={async (value) => {
            const n = Number.parseInt(value, 10)
            await onUpdate({ wipLimit: Number.isFinite(n) && n > 0 ? n : null })
          }}
          onClose={() => setEditing(null)}
        />
      </div>
    )
  }
  return (
    <>
      <div className={`column-header${over ? ' is-over-limit' : ''}`}>
        <button
          ref={setHandle}
          type="button"
          className="column-handle"
          {...handleAttributes}
          {...handleListeners}
          aria-label={t('boards.column.moveHandle', { name: column.name })}
          title={t('boards.column.moveHandle', { name: column.name })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h3 className="column-name" id={`column-name-${column.id}`}>
          {column.name}
        </h3>
        {column.done && (
          <span
            className="column-done"
            role="img"
            aria-label={t('boards.column.doneBadge')}
            title={t('boards.column.doneBadge')}
          />
        )}
        <span
          className={`column-count${over ? ' is-over' : ''}`}
          title={
            column.wipLimit === null
              ? undefined
              : t('boards.column.wipCount', { count, limit: column.wipLimit })
          }
        >
          {column.wipLimit === null ? count : `${count}/${column.wipLimit}`}
        </span>
        <button
          type="button"
          className="icon-button column-add-top"
          aria-label={t('boards.card.addTop', { name: column.name })}
          title={t('boards.card.addTop', { name: column.name })}
          onClick={onAddTop}
        >
          +
        </button>
        <MenuButton
          label={t('boards.column.actions', { name: column.name })}
          align="right"
          items={() => [
            { id: 'rename', label: t('boards.column.rename'), onSelect: () => setEditing('name') },
            {
              id: 'done',
              label: column.done ? t('boards.column.unmarkDone') : t('boards.column.markDone'),
              onSelect: () => void onUpdate({ done: !column.done }),
            },
            { id: 'wip', label: t('boards.column.wip'), onSelect: () => setEditing('wip') },
            { id: 'delete', label: t('boards.column.delete'), danger: true, onSelect: onDelete },
          ]}
        />
      </div>
      {over && (
        <p className="wip-warning" role="status">
          {t('boards.column.wipOver', { count, limit: column.wipLimit })}
        </p>
      )}
    </>
  )
})
