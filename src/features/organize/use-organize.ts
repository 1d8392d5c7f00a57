import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { ConfirmRequest } from '../../ui/ConfirmDialog'
import { messageOf } from '../../ui/message-of'

export interface OrganizeOptions {
  notebookName: (id: string) => string
  /** Saves the open note's pending edits first, so a move or tag change never races its autosave. */
  beforeChange: (ids: readonly string[]) => Promise<void>
}

/** Named actions for organising notes, each reporting its outcome in one polite status line. */
export function useOrganize({ notebookName, beforeChange }: OrganizeOptions) {
  const api = useApi()
  const { t } = useTranslation()
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null)
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null)

  const run = useCallback(
    async (ids: readonly string[], work: () => Promise<string | null>) => {
      try {
        await beforeChange(ids)
        const text = await work()
        setNotice(text ? { text, error: false } : null)
      } catch (error) {
        setNotice({ text: t('organize.failed', { message: messageOf(error) }), error: true })
      }
    },
    [beforeChange, t],
  )

  const actions = useMemo(
    () => ({
      move: (ids: string[], notebookId: string) =>
        run(ids, async () => {
          const { count } = await api.notes.move({ ids, notebookId })
          return t('organize.movedTo', { count: count || ids.length, name: notebookName(notebookId) })
        }),
      addTag: (ids: string[], tag: string) =>
        run(ids, async () => {
          await api.notes.addTag({ ids, tag })
          return null
        }),
      trash: (ids: string[]) =>
        run(ids, async () => {
          const { count } = await api.notes.trash({ ids })
          return t('organize.trashedCount', { count })
        }),
      restore: (ids: string[]) =>
        run(ids, async () => {
          await api.notes.restore({ ids })
          return null
        }),
      deleteForever: (ids: string[]) =>
        setConfirm({
          title: t('organize.deleteForeverTitle', { count: ids.length }),
          body: t('organize.deleteForeverBody'),
          confirm: t('organize.deleteForever'),
          onConfirm: () => void run(ids, async () => (await api.notes.deleteForever({ ids }), null)),
        }),
      emptyTrash: (count: number) =>
        setConfirm({
          title: t('organize.emptyTrashTitle', { count }),
          body: t('organize.emptyTrashBody'),
          confirm: t('organize.emptyTrash'),
          onConfirm: () => void run([], async () => (await api.trash.empty({}), null)),
        }),
      deleteNotebook: (id: string, name: string, count: number, after: () => void) =>
        setConfirm({
          title: t('organize.deleteNotebookTitle', { name }),
          body: t('organize.deleteNotebookBody', { count }),
          confirm: t('organize.deleteNotebook'),
          onConfirm: () =>
            void run([], async () => {
              const result = await api.notebooks.delete({ id })
              after()
              return result.count ? t('organize.trashedCount', { count: result.count }) : null
            }),
        }),
      /** Throws, so the inline form can show why a name was refused and keep what was typed. */
      renameNotebook: async (id: string, name: string) => {
        await api.notebooks.rename({ id, name })
      },
      renameTag: async (from: string, to: string) => {
        await beforeChange([])
        await api.tags.rename({ from, to })
      },
    }),
    [api, beforeChange, notebookName, run, t],
  )

  return {
    actions,
    confirm,
    closeConfirm: () => setConfirm(null),
    notice,
    clearNotice: () => setNotice(null),
  }
}

export type OrganizeActions = ReturnType<typeof useOrganize>['actions']
