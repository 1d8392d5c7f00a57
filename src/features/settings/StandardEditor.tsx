import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Standard } from '../../../electron/shared/followups/standards'
import {
  draftOf,
  emptyDraft,
  standardFromDraft,
  type DraftProblem,
  type StandardDraft,
} from './standard-form'

interface Props {
  /** Null for a new standard. */
  standard: Standard | null
  /** Shown as the editor's title; the translated name for a shipped standard. */
  label: string | null
  /** Makes the id for a new standard from its name. */
  idFor: (name: string) => string
  onSave: (standard: Standard) => Promise<void>
  onCancel: () => void
}

/** Name, unit, steps and max attempts of one standard; checked here first, then by core's schema. */
export function StandardEditor({ standard, label, idFor, onSave, onCancel }: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const problemId = useId()
  const [draft, setDraft] = useState<StandardDraft>(() => (standard ? draftOf(standard) : emptyDraft()))
  const [problem, setProblem] = useState<DraftProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<StandardDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setProblem(null)
  }
  const invalid = (field: DraftProblem | DraftProblem[]) =>
    problem !== null && [field].flat().includes(problem)
      ? { 'aria-invalid': true, 'aria-describedby': problemId }
      : {}

  return (
    <form
      className="settings-form standard-editor"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Escape closes this editor, not the whole settings dialog.
          e.preventDefault()
          e.stopPropagation()
          onCancel()
        }
      }}
      onSubmit={(e) => {
        e.preventDefault()
        const result = standardFromDraft(draft, standard?.id ?? idFor(draft.name))
        if (!result.ok) return setProblem(result.problem)
        setBusy(true)
        void onSave(result.standard).finally(() => setBusy(false))
      }}
    >
      <h4 id={titleId}>
        {standard
          ? t('followups.stdEditorEdit', { name: label ?? standard.name })
          : t('followups.stdEditorNew')}
      </h4>
      <label className="settings-field">
        <span>{t('followups.stdName')}</span>
        <input
          autoFocus
          value={draft.name}
          maxLength={100}
          onChange={(e) => change({ name: e.target.value })}
          {...invalid('name')}
        />
      </label>
      <label className="settings-field">
        <span>{t('followups.stdUnit')}</span>
        <select value={draft.unit} onChange={(e) => change({ unit: e.target.value as Standard['unit'] })}>
          {(['hours', 'days', 'weeks'] as const).map((u) => (
            <option key={u} value={u}>
              {t(`followups.unitLabel_${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="settings-field">
        <span>{t('followups.stdSteps')}</span>
        <input
          value={draft.steps}
          inputMode="numeric"
          placeholder={t('followups.stdStepsHint')}
          onChange={(e) => change({ steps: e.target.value })}
          {...invalid(['steps', 'stepsOrder'])}
        />
      </label>
      <label className="settings-field">
        <span>{t('followups.stdMax')}</span>
        <input
          value={draft.maxAttempts}
          inputMode="numeric"
          placeholder={t('followups.stdMaxHint')}
          onChange={(e) => change({ maxAttempts: e.target.value })}
          {...invalid('maxAttempts')}
        />
      </label>
      {problem && (
        <p id={problemId} className="settings-status is-error" role="alert">
          {t(`followups.stdProblem_${problem}`)}
        </p>
      )}
      <div className="settings-actions">
        <button type="button" onClick={onCancel}>
          {t('followups.stdCancel')}
        </button>
        <button type="submit" className="primary-button" disabled={busy}>
          {t('followups.stdSave')}
        </button>
      </div>
    </form>
  )
}
