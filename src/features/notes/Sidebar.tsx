import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { INBOX_ID } from '../../../electron/shared/domain/notes'
import type { NotebookWithCount } from '../../app/use-library'
import { InlineRename } from '../../ui/InlineRename'
import { MenuButton } from '../../ui/Menu'
import { NavEntry } from '../../ui/NavEntry'
import type { OrganizeActions } from '../organize/use-organize'
import { NewNotebookForm } from './NewNotebookForm'
import type { Counts, ListScope } from './list-view'

interface Props {
  notebooks: NotebookWithCount[]
  counts: Counts
  scope: ListScope
  /** Whether the note list is what is shown; while a board or the Follow-ups view is, no entry here is current. */
  showingList?: boolean
  onScope: (scope: ListScope) => void
  onNewNote: () => void
  onCreateNotebook: (name: string) => Promise<void>
  actions: OrganizeActions
  /** Entries other features add under "All notes" (Follow-ups). */
  extra?: ReactNode
  /** The Boards section (features/board), under the main entries. */
  boards?: ReactNode
  /** Saved searches, listed after the tags. */
  searches?: ReactNode
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

const same = (a: ListScope, b: ListScope) =>
  a.kind === b.kind &&
  (a.kind !== 'notebook' || a.id === (b as { id: string }).id) &&
  (a.kind !== 'tag' || a.tag.toLocaleLowerCase() === (b as { tag: string }).tag.toLocaleLowerCase())

export function Sidebar({
  notebooks,
  counts,
  scope,
  showingList = true,
  onScope,
  onNewNote,
  onCreateNotebook,
  actions,
  extra,
  boards,
  searches,
}: Props) {
  const { t, i18n } = useTranslation()
  const [renaming, setRenaming] = useState<string | null>(null)
  // The sidebar highlights one place: the list's scope only while the list is on screen.
  const isCurrent = (target: ListScope) => showingList && same(scope, target)

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
      <ul className="nav-list">
        <NavEntry
          id="all"
          label={t('sidebar.allNotes')}
          count={counts.all}
          icon="all"
          current={isCurrent({ kind: 'all' })}
          onOpen={() => onScope({ kind: 'all' })}
        />
        {extra}
        <NavEntry
          id="trash"
          label={t('organize.trash')}
          count={counts.trash}
          icon="trash"
          current={isCurrent({ kind: 'trash' })}
          onOpen={() => onScope({ kind: 'trash' })}
          onDropNotes={(ids) => void actions.trash(ids)}
        />
      </ul>
      {boards}
      <div className="nav-heading">
        <span id="notebooks-heading">{t('sidebar.notebooks')}</span>
      </div>
      <ul className="nav-list" aria-labelledby="notebooks-heading">
        {ordered(notebooks, i18n.language).map((nb) => {
          const label = notebookLabel(nb, t)
          const target: ListScope = { kind: 'notebook', id: nb.id }
          if (renaming === `nb:${nb.id}`) {
            return (
              <li key={nb.id}>
                <InlineRename
                  label={t('organize.renameNotebook', { name: label })}
                  initial={nb.name}
                  maxLength={200}
                  onSave={(name) => actions.renameNotebook(nb.id, name)}
                  onClose={() => setRenaming(null)}
                />
              </li>
            )
          }
          return (
            <NavEntry
              key={nb.id}
              id={nb.id}
              label={label}
              count={counts.notebooks.get(nb.id) ?? 0}
              icon={nb.id === INBOX_ID ? 'inbox' : 'book'}
              current={isCurrent(target)}
              onOpen={() => onScope(target)}
              onDropNotes={(ids) => void actions.move(ids, nb.id)}
              actions={
                nb.id === INBOX_ID ? undefined : (
                  <MenuButton
                    label={t('organize.notebookActions', { name: label })}
                    align="right"
                    items={() => [
                      {
                        id: 'rename',
                        label: t('organize.rename'),
                        onSelect: () => setRenaming(`nb:${nb.id}`),
                      },
                      {
                        id: 'delete',
                        label: t('organize.deleteNotebook'),
                        danger: true,
                        onSelect: () =>
                          actions.deleteNotebook(nb.id, label, counts.notebooks.get(nb.id) ?? 0, () => {
                            if (same(scope, target)) onScope({ kind: 'all' })
                          }),
                      },
                    ]}
                  />
                )
              }
            />
          )
        })}
      </ul>
      <NewNotebookForm onCreate={onCreateNotebook} />
      <div className="nav-heading">
        <span id="tags-heading">{t('organize.tags')}</span>
      </div>
      {counts.tags.length === 0 ? (
        <p className="nav-empty">{t('organize.noTags')}</p>
      ) : (
        <ul className="nav-list" aria-labelledby="tags-heading">
          {counts.tags.map(({ tag, count }) => {
            const target: ListScope = { kind: 'tag', tag }
            if (renaming === `tag:${tag}`) {
              return (
                <li key={tag}>
                  <InlineRename
                    label={t('organize.renameTag', { name: tag })}
                    hint={t('organize.renameTagHint')}
                    initial={tag}
                    maxLength={64}
                    onSave={async (name) => {
                      await actions.renameTag(tag, name)
                      if (same(scope, target)) onScope({ kind: 'tag', tag: name })
                    }}
                    onClose={() => setRenaming(null)}
                  />
                </li>
              )
            }
            return (
              <NavEntry
                key={tag}
                id={`tag-${tag}`}
                label={`#${tag}`}
                count={count}
                icon="tag"
                current={isCurrent(target)}
                onOpen={() => onScope(target)}
                actions={
                  <MenuButton
                    label={t('organize.tagActions', { name: tag })}
                    align="right"
                    items={() => [
                      {
                        id: 'rename',
                        label: t('organize.rename'),
                        onSelect: () => setRenaming(`tag:${tag}`),
                      },
                    ]}
                  />
                }
              />
            )
          })}
        </ul>
      )}
      {searches}
    </nav>
  )
}
