import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload, MethodOutput } from '../../../electron/shared/contract'
import { useApi } from '../../app/api-context'
import { boardsChanged } from '../board/use-boards'
import { isImportable, uploadFile } from './upload'
import { messageOf } from '../../ui/message-of'

type Summary = MethodOutput<'import.start'>
export type Interrupted = MethodOutput<'import.interrupted'>[number]
type Progress = EventPayload<'import.progress'>

export interface ImportState {
  /** The file being uploaded or imported, with the latest counts. */
  running: { file: string; uploadId: string | null; progress: Progress | null } | null
  /** A repeat import waiting for the user's answer. */
  ask: { uploadId: string; file: string; date: string } | null
  summaries: Summary[]
  error: string | null
  /** A picked or dropped file that is neither .enex nor .json. */
  unsupported: string | null
  /** Imports a crash stopped, as core found them when the library opened. */
  interrupted: Interrupted[]
}

/** Runs imports one file at a time: upload, start, progress events, the duplicate question, summaries. */
export function useImport() {
  const api = useApi()
  const [state, setState] = useState<ImportState>({
    running: null,
    ask: null,
    summaries: [],
    error: null,
    unsupported: null,
    interrupted: [],
  })
  const [rollback, setRollback] = useState(false)
  /** The notebook (by name) imports go into; '' makes one per file, named after it. */
  const [into, setInto] = useState('')
  const abort = useRef<AbortController | null>(null)
  const queue = useRef(Promise.resolve())

  // Asked again after every import, so a resumed one's notice goes once it is finished.
  const refreshInterrupted = useCallback(async () => {
    const interrupted = await api.import.interrupted({}).catch(() => [])
    setState((s) => ({ ...s, interrupted }))
  }, [api])
  useEffect(() => void refreshInterrupted(), [refreshInterrupted])

  useEffect(
    () =>
      api.on('import.progress', (progress) =>
        setState((s) =>
          s.running?.uploadId === progress.jobId ? { ...s, running: { ...s.running, progress } } : s,
        ),
      ),
    [api],
  )

  const start = useCallback(
    async (uploadId: string, file: string, allowDuplicate = false) => {
      setState((s) => ({ ...s, running: { file, uploadId, progress: null }, ask: null }))
      try {
        const summary = await api.import.start({
          uploadId,
          allowDuplicate,
          ...(into ? { notebook: into } : {}),
          onFault: rollback ? 'rollback' : 'keep',
        })
        if (summary.status === 'already-imported') {
          setState((s) => ({
            ...s,
            running: null,
            ask: { uploadId, file, date: summary.previouslyImportedAt ?? '' },
          }))
        } else {
          setState((s) => ({ ...s, running: null, summaries: [summary, ...s.summaries] }))
          // A Trello import made a board (or a rollback removed it): the sidebar lists it now, not after a reload.
          boardsChanged()
          void refreshInterrupted()
        }
      } catch (error) {
        setState((s) => ({
          ...s,
          running: null,
          error: messageOf(error),
        }))
      }
    },
    [api, rollback, into, refreshInterrupted],
  )

  const importFiles = useCallback(
    (files: File[]) => {
      for (const file of files) {
        queue.current = queue.current.then(async () => {
          if (!isImportable(file.name)) return setState((s) => ({ ...s, unsupported: file.name }))
          abort.current = new AbortController()
          setState((s) => ({
            ...s,
            running: { file: file.name, uploadId: null, progress: null },
            error: null,
            unsupported: null,
          }))
          try {
            await start(await uploadFile(api, file, abort.current.signal), file.name)
          } catch (error) {
            setState((s) => ({
              ...s,
              running: null,
              error: error instanceof DOMException ? null : String(error),
            }))
          }
        })
      }
    },
    [api, start],
  )

  // Files chosen in the app menu's File > Import (Electron) arrive already registered in core.
  useEffect(
    () =>
      api.on('import.opened', ({ uploads }) => {
        for (const u of uploads) queue.current = queue.current.then(() => start(u.uploadId, u.name))
      }),
    [api, start],
  )

  const cancel = useCallback(() => {
    abort.current?.abort()
    const id = state.running?.uploadId
    if (id) void api.import.cancel({ uploadId: id })
  }, [api, state.running])

  const answer = useCallback(
    (again: boolean) => {
      const ask = state.ask
      if (!ask) return
      if (again) void start(ask.uploadId, ask.file, true)
      else {
        setState((s) => ({ ...s, ask: null }))
        void api.import.discard({ uploadId: ask.uploadId })
      }
    },
    [api, start, state.ask],
  )

  const dismissInterrupted = (index: number) =>
    setState((s) => ({ ...s, interrupted: s.interrupted.filter((_, i) => i !== index) }))
  const dismiss = (index: number) =>
    setState((s) => ({ ...s, summaries: s.summaries.filter((_, i) => i !== index), error: null }))
  // The file input lives in ImportPanel (always mounted); the Import menu item only asks it to open.
  const input = useRef<HTMLInputElement>(null)
  const pick = useCallback(() => input.current?.click(), [])
  return {
    state,
    importFiles,
    cancel,
    answer,
    dismiss,
    dismissInterrupted,
    rollback,
    setRollback,
    into,
    setInto,
    input,
    pick,
  }
}

export type Imports = ReturnType<typeof useImport>
