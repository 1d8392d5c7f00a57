import { useTranslation } from 'react-i18next'
import type { ListScope } from './list-view'

/** What an empty list shows: the Trash's note, or a hint and a button to write the scope's first note. */
export function EmptyList({
  scope,
  heading,
  onCreate,
}: {
  scope: ListScope
  heading: string
  onCreate: () => void
}) {
  const { t } = useTranslation()
  if (scope.kind === 'trash') {
    return (
      <div className="empty-state list-empty">
        <div className="empty-illustration trash" aria-hidden="true" />
        <h2>{t('organize.trashEmptyTitle')}</h2>
        <p>{t('organize.trashEmptyHint')}</p>
      </div>
    )
  }
  const isAll = scope.kind === 'all'
  return (
    <div className="empty-state list-empty">
      <div className="empty-illustration" aria-hidden="true" />
      <h2>{isAll ? t('list.emptyAllTitle') : t('list.emptyTitle')}</h2>
      <p>
        {isAll
          ? t('list.emptyAllHint')
          : scope.kind === 'tag'
            ? t('organize.tagEmptyHint', { name: scope.tag })
            : t('list.emptyHint', { name: heading })}
      </p>
      <button type="button" className="primary-button" onClick={onCreate}>
        {t('list.createFirst')}
      </button>
    </div>
  )
}
