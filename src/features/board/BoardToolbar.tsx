import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Board } from '../../../electron/shared/board'
import { useApi } from '../../app/api-context'
import type { CardFilter } from './board-state'
import './BoardToolbar.css'

interface Props {
  board: Board
  tags: string[]
  filter: CardFilter
  onFilter: (next: CardFilter) => void
  onDefaultStandard: (standard: string | null) => void
}

/** Filter by text, tag and follow-up state; archived cards toggle; the board's default follow-up standard. */
export function BoardToolbar({ board, tags, filter, onFilter, onDefaultStandard }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [standards, setStandards] = useState<{ id: string; name: string }[]>([])
  useEffect(() => {
    let live = true
    void api.followups
      .standards({})
      .then((list) => live && setStandards(list))
      .catch(() => undefined) // without standards the select just offers "No default"
    return () => {
      live = false
    }
  }, [api])
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('boards.tools')}>
      <input
        type="search"
        className="control board-filter"
        aria-label={t('boards.filter')}
        placeholder={t('boards.filterPlaceholder')}
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <label className="board-select">
        <span className="visually-hidden">{t('boards.tagFilter')}</span>
        <select
          className="control"
          value={filter.tag ?? ''}
          onChange={(e) => onFilter({ ...filter, tag: e.target.value || null })}
        >
          <option value="">{t('boards.allTags')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
      </label>
      <label className="board-select">
        <span className="visually-hidden">{t('boards.dueFilter')}</span>
        <select
          className="control"
          value={filter.due}
          onChange={(e) => onFilter({ ...filter, due: e.target.value as CardFilter['due'] })}
        >
          <option value="any">{t('boards.dueAny')}</option>
          <option value="overdue">{t('boards.dueOverdue')}</option>
          <option value="today">{t('boards.dueToday')}</option>
          <option value="upcoming">{t('boards.dueUpcoming')}</option>
          <option value="none">{t('boards.dueNone')}</option>
        </select>
      </label>
      <label className="board-check">
        <input
          type="checkbox"
          checked={filter.showArchived}
          onChange={(e) => onFilter({ ...filter, showArchived: e.target.checked })}
        />
        {t('boards.showArchived')}
      </label>
      <label className="board-select board-standard">
        <span className="board-select-caption">{t('boards.defaultStandard')}</span>
        <select
          className="control"
          value={board.defaultStandard ?? ''}
          onChange={(e) => onDefaultStandard(e.target.value || null)}
        >
          <option value="">{t('boards.noStandard')}</option>
          {standards.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
