import { useTranslation } from 'react-i18next'
import { MenuButton } from '../../ui/Menu'
import { openSearch } from './search-launcher'
import { useSavedSearches } from './use-saved-searches'

/** The sidebar's saved searches: each runs its query in the search palette, as Evernote's do. */
export function SavedSearches() {
  const { t } = useTranslation()
  const { list, remove } = useSavedSearches()
  return (
    <>
      <div className="nav-heading">
        <span id="saved-searches-heading">{t('search.saved.section')}</span>
      </div>
      {list.length === 0 ? (
        <p className="nav-empty">{t('search.saved.none')}</p>
      ) : (
        <ul className="nav-list" aria-labelledby="saved-searches-heading">
          {list.map((s) => (
            <li key={s.id} className="nav-entry">
              <button type="button" className="nav-item" title={s.query} onClick={() => openSearch(s.query)}>
                <span className="nav-icon icon-search" aria-hidden="true" />
                <span className="nav-label">{s.name}</span>
              </button>
              <span className="nav-actions">
                <MenuButton
                  label={t('search.saved.actions', { name: s.name })}
                  align="right"
                  items={() => [
                    {
                      id: 'remove',
                      label: t('search.saved.remove'),
                      danger: true,
                      onSelect: () => void remove(s.id),
                    },
                  ]}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
