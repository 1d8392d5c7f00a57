import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MenuButton, type MenuItem } from '../../ui/Menu'
import { TagField } from '../organize/TagField'
import type { OrganizeActions } from '../organize/use-organize'

interface Props {
  ids: string[]
  inTrash: boolean
  actions: OrganizeActions
  moveItems: (ids: string[]) => MenuItem[]
  knownTags: string[]
  onClear: () => void
}

/** Shown while several notes are selected: move, tag, trash (or restore / delete forever in the Trash). */
export function BulkBar({ ids, inTrash, actions, moveItems, knownTags, onClear }: Props) {
  const { t } = useTranslation()
  const [tagging, setTagging] = useState(false)
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('organize.bulkActions')}>
      <span className="bulk-count" role="status">
        {t('organize.selected', { count: ids.length })}
      </span>
      <div className="bulk-buttons">
        {inTrash ? (
          <>
            <button type="button" className="small-button" onClick={() => void actions.restore(ids)}>
              {t('organize.restore')}
            </button>
            <button type="button" className="small-button danger" onClick={() => actions.deleteForever(ids)}>
              {t('organize.deleteForever')}
            </button>
          </>
        ) : (
          <>
            <MenuButton
              label={t('organize.moveTo')}
              menuLabel={t('organize.moveToNotebook')}
              className="small-button"
              items={() => moveItems(ids)}
            >
              {t('organize.moveTo')}
            </MenuButton>
            <button
              type="button"
              className="small-button"
              aria-expanded={tagging}
              onClick={() => setTagging((v) => !v)}
            >
              {t('organize.addTag')}
            </button>
            <button type="button" className="small-button danger" onClick={() => void actions.trash(ids)}>
              {t('organize.toTrash')}
            </button>
          </>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('organize.clearSelection')}
          title={t('organize.clearSelection')}
          onClick={onClear}
        >
          ×
        </button>
      </div>
      {tagging && !inTrash && (
        <div
          className="bulk-tag"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setTagging(false)
          }}
        >
          <TagField tags={[]} known={knownTags} autoFocus onAdd={(tag) => void actions.addTag(ids, tag)} />
        </div>
      )}
    </div>
  )
}
