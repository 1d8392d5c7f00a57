import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Standard } from '../../../electron/shared/followups/standards'
import { useApi } from '../../app/api-context'
import { INBOX_ID } from '../../../electron/shared/domain/notes'
import { standardLabel } from '../followups/standard-label'
import { messageOf } from '../../ui/message-of'

type Scope = 'notebooks' | 'tags' | 'boards'
type Defaults = Record<Scope, Record<string, string>>
interface Target {
  key: string
  name: string
}

/** Which standard new follow-ups start with, per notebook, per tag and per board. */
export function DefaultStandards({ standards }: { standards: Standard[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const [defaults, setDefaults] = useState<Defaults | null>(null)
  const [targets, setTargets] = useState<Record<Scope, Target[]>>({ notebooks: [], tags: [], boards: [] })
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const fail = (e: unknown) => setError(t('followups.stdFailed', { message: messageOf(e) }))
    api.followups.defaults({}).then(setDefaults, fail)
    Promise.all([api.notebooks.list({}), api.notes.list({}), api.boards.list({}).catch(() => [])]).then(
      ([notebooks, notes, boards]) => {
        // Tags are matched case-insensitively, so one entry per lower-cased tag.
        const tags = [...new Set(notes.flatMap((n) => n.tags.map((tag) => tag.toLocaleLowerCase())))].sort()
        setTargets({
          notebooks: notebooks.map((nb) => ({
            key: nb.id,
            name: nb.id === INBOX_ID ? t('sidebar.inbox') : nb.name,
          })),
          tags: tags.map((tag) => ({ key: tag, name: `#${tag}` })),
          boards: boards.map((b) => ({ key: b.id, name: b.name })),
        })
      },
      fail,
    )
  }, [api, t])

  const choose = async (scope: Scope, key: string, standard: string | null) => {
    setError(null)
    try {
      await api.followups.setDefault({ scope, key, standard })
      setDefaults((d) => {
        if (!d) return d
        const next = { ...d[scope] }
        if (standard) next[key] = standard
        else delete next[key]
        return { ...d, [scope]: next }
      })
    } catch (e) {
      setError(t('followups.stdFailed', { message: messageOf(e) }))
    }
  }

  const group = (scope: Scope, title: string, empty?: string) =>
    targets[scope].length === 0 && !empty ? null : (
      <fieldset className="defaults-group">
        <legend>{title}</legend>
        {targets[scope].length === 0 ? (
          <p className="settings-hint">{empty}</p>
        ) : (
          targets[scope].map((target) => (
            <label key={target.key} className="defaults-row">
              <span>{target.name}</span>
              <select
                aria-label={t('followups.defaultsFor', { name: target.name })}
                value={defaults?.[scope][target.key] ?? ''}
                disabled={!defaults}
                onChange={(e) => void choose(scope, target.key, e.target.value || null)}
              >
                <option value="">{t('followups.defaultsNone')}</option>
                {standards.map((s) => (
                  <option key={s.id} value={s.id}>
                    {standardLabel(s, t)}
                  </option>
                ))}
              </select>
            </label>
          ))
        )}
      </fieldset>
    )

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('followups.defaultsTitle')}</h3>
      <p className="settings-hint">{t('followups.defaultsHint')}</p>
      {group('notebooks', t('followups.defaultsNotebooks'))}
      {group('tags', t('followups.defaultsTags'), t('followups.defaultsEmptyTags'))}
      {group('boards', t('followups.defaultsBoards'))}
      {error && (
        <p className="settings-status is-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
