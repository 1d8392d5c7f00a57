import { useTranslation } from 'react-i18next'
import { INBOX_ID } from '../../lib/inbox'
import type { NotebookWithCount } from '../../app/use-library'
import { NewNotebookForm } from './NewNotebookForm'
import type { Scope } from './note-list'

interface Props {
  notebooks: NotebookWithCount[]
  scope: Scope
  onScope: (scope: Scope) => void
  onNewNote: () => void
  onCreateNotebook: (name: string) => Promise<void>
}

export function notebookLabel(notebook: { id: string; name: string }, t: (key: string) => string): string {
  return notebook.id === INBOX_ID ? t('sidebar.inbox') : notebook.name
}

/** Inbox first, the rest by name in the reader's own collation. */
function ordered(notebooks: NotebookWithCount[], locale: string): NotebookWithCount[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  return [...notebooks].sort((a, b) =>
    a.id === INBOX_ID ? -1 : b.id === INBOX_ID ? 1 : collator.compare(a.name, b.name),
  )
}

export function Sidebar({ notebooks, scope, onScope, onNewNote, onCreateNotebook }: Props) {
  const { t, i18n } = useTranslation()
  const total = notebooks.reduce((sum, nb) => sum + nb.noteCount, 0)
  const entry = (key: string, label: string, count: number, target: Scope, icon: string) => {
    const current =
      target.kind === scope.kind &&
      (target.kind === 'all' || (scope.kind === 'notebook' && scope.id === target.id))
    const countId = `count-${key}`
    return (
      <li key={key}>
        <button
          type="button"
          className="nav-item"
          aria-current={current ? 'page' : undefined}
          aria-describedby={countId}
          onClick={() => onScope(target)}
        >
          <span className={`nav-icon icon-${icon}`} aria-hidden="true" />
          <span className="nav-label">{label}</span>
          <span className="nav-count" id={countId} aria-label={t('sidebar.count', { count })}>
            {count}
          </span>
        </button>
      </li>
    )
  }

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <button type="button" className="primary-button new-note" onClick={onNewNote}>
        <span className="plus" aria-hidden="true">
          +
        </span>
        {t('sidebar.newNote')}
      </button>
      <ul className="nav-list">{entry('all', t('sidebar.allNotes'), total, { kind: 'all' }, 'all')}</ul>
      <div className="nav-heading">
        <span id="notebooks-heading">{t('sidebar.notebooks')}</span>
      </div>
      <ul className="nav-list" aria-labelledby="notebooks-heading">
        {ordered(notebooks, i18n.language).map((nb) =>
          entry(
            nb.id,
            notebookLabel(nb, t),
            nb.noteCount,
            { kind: 'notebook', id: nb.id },
            nb.id === INBOX_ID ? 'inbox' : 'book',
          ),
        )}
      </ul>
      <NewNotebookForm onCreate={onCreateNotebook} />
    </nav>
  )
}
