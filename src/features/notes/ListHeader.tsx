import { useTranslation } from 'react-i18next'
import { MenuButton } from '../../ui/Menu'
import { SORT_KEYS, type SortKey } from './list-view'

interface Props {
  heading: string
  count: number
  sort: SortKey
  onSort: (key: SortKey) => void
  inTrash: boolean
  onEmptyTrash: () => void
}

export function ListHeader({ heading, count, sort, onSort, inTrash, onEmptyTrash }: Props) {
  const { t } = useTranslation()
  return (
    <header className="list-header">
      <div className="list-title">
        <h1 id="list-heading">{heading}</h1>
        <span className="list-count">{t('sidebar.count', { count })}</span>
      </div>
      <div className="list-tools">
        {inTrash && count > 0 && (
          <button type="button" className="small-button danger-outline" onClick={onEmptyTrash}>
            {t('organize.emptyTrash')}
          </button>
        )}
        <MenuButton
          label={`${t('organize.sortMenu')}: ${t(`organize.sort_${sort}`)}`}
          menuLabel={t('organize.sortMenu')}
          className="sort-button"
          align="right"
          items={() =>
            SORT_KEYS.map((key) => ({
              id: key,
              label: t(`organize.sort_${key}`),
              checked: key === sort,
              onSelect: () => onSort(key),
            }))
          }
        >
          <span className="sort-icon" aria-hidden="true" />
          <span>{t(`organize.sort_${sort}`)}</span>
        </MenuButton>
      </div>
      {inTrash && <p className="list-note">{t('organize.trashHint')}</p>}
    </header>
  )
}
