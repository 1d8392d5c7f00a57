import { useCallback, useEffect, useState } from 'react'
import type { TicklerApi } from '../../../electron/shared/contract'
import { INBOX_ID } from '../../../electron/shared/domain/notes'

export interface Destination {
  value: string
  label: string
  group: string
  notebookId?: string
  column?: { boardId: string; columnId: string }
}

/** Notebooks, then each board's columns: "nb:<id>" or "col:<board>:<column>" as the select's value. */
export interface DestinationLabels {
  notebooks: string
  inbox: string
  board: (name: string) => string
}

export function useDestinations(api: TicklerApi, labels: DestinationLabels) {
  const { notebooks: notebooksLabel, inbox: inboxLabel, board: boardLabel } = labels
  const [destinations, setDestinations] = useState<Destination[]>([])
  const [defaultValue, setDefaultValue] = useState('nb:inbox')

  const refresh = useCallback(async () => {
    const [notebooks, settings, boards] = await Promise.all([
      api.notebooks.list({}),
      api.capture.settings({}),
      // Boards are optional to capture: a failure there still leaves the notebooks.
      api.boards.list({}).catch(() => []),
    ])
    const list: Destination[] = notebooks.map((nb) => ({
      value: `nb:${nb.id}`,
      // The Inbox is named in the user's language, as in the sidebar.
      label: nb.id === INBOX_ID ? inboxLabel : nb.name,
      group: notebooksLabel,
      notebookId: nb.id,
    }))
    for (const board of boards.filter((b) => !b.archivedAt)) {
      for (const column of board.columns) {
        list.push({
          value: `col:${board.id}:${column.id}`,
          label: column.name,
          group: boardLabel(board.name),
          column: { boardId: board.id, columnId: column.id },
        })
      }
    }
    setDestinations(list)
    setDefaultValue(`nb:${settings.notebookId}`)
  }, [api, notebooksLabel, inboxLabel, boardLabel])

  useEffect(() => {
    // Deferred a tick: the lists arrive from window.tickler, never synchronously within the effect.
    const timer = window.setTimeout(() => void refresh().catch(() => undefined), 0)
    return () => window.clearTimeout(timer)
  }, [refresh])
  return { destinations, defaultValue, refresh }
}
