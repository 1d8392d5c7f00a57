import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Standard } from '../../../electron/shared/followups/standards'
import { useApi } from '../../app/api-context'
import { standardLabel } from '../followups/standard-label'
import { StandardEditor } from './StandardEditor'
import { newStandardId } from './standard-form'
import { messageOf } from '../../ui/message-of'

interface Props {
  standards: Standard[]
  onChanged: (standards: Standard[]) => void
}

/** The follow-up standards: each with its cadence in words, edit and delete, and a way to add one. */
export function StandardsSettings({ standards, onChanged }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const [editing, setEditing] = useState<{ id: string } | 'new' | null>(null)
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null)

  const summary = (s: Standard) => {
    const unit = (n: number) => t(`followups.unit_${s.unit}`, { count: n })
    const steps = s.offsets.map((o) => `+${o}`).join(', ')
    const last = s.offsets.at(-1)!
    if (!s.repeat) return t('followups.stdSummary', { steps, unit: unit(last), count: s.offsets.length })
    const gap = s.offsets.length > 1 ? last - s.offsets.at(-2)! : last
    return t('followups.stdSummaryRepeat', { steps, unit: unit(last), gap, gapUnit: unit(gap) })
  }
  const act = async (change: () => Promise<Standard[]>, done: string) => {
    setNotice(null)
    try {
      onChanged(await change())
      setEditing(null)
      setNotice({ text: done })
    } catch (error) {
      setNotice({ text: t('followups.stdFailed', { message: messageOf(error) }), error: true })
    }
  }
  const editor = (s: Standard | null) => (
    <StandardEditor
      standard={s}
      label={s && standardLabel(s, t)}
      idFor={(name) =>
        newStandardId(
          name,
          standards.map((x) => x.id),
        )
      }
      onSave={(next) =>
        act(() => api.followups.saveStandard(next), t('followups.stdSaved', { name: next.name }))
      }
      onCancel={() => setEditing(null)}
    />
  )

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('followups.standardsTitle')}</h3>
      <p className="settings-hint">{t('followups.standardsHint')}</p>
      <ul className="standard-list">
        {standards.map((s) => {
          const name = standardLabel(s, t)
          return (
            <li key={s.id}>
              {typeof editing === 'object' && editing?.id === s.id ? (
                editor(s)
              ) : (
                <div className="standard-row">
                  <div className="standard-text">
                    <strong>{name}</strong>
                    <span>{summary(s)}</span>
                  </div>
                  <button
                    type="button"
                    aria-label={t('followups.stdEdit', { name })}
                    onClick={() => setEditing({ id: s.id })}
                  >
                    {t('followups.stdEditShort')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('followups.stdDelete', { name })}
                    onClick={() =>
                      void act(
                        () => api.followups.deleteStandard({ id: s.id }),
                        t('followups.stdDeleted', { name }),
                      )
                    }
                  >
                    {t('followups.stdDeleteShort')}
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ul>
      {editing === 'new' ? (
        editor(null)
      ) : (
        <button type="button" className="settings-add" onClick={() => setEditing('new')}>
          + {t('followups.stdAdd')}
        </button>
      )}
      {notice && (
        <p
          className={`settings-status${notice.error ? ' is-error' : ''}`}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
    </section>
  )
}
