import { useCallback, useEffect, useRef, useState } from 'react'
import type { FollowUpView } from '../../../electron/shared/contract-followups'
import { useApi } from '../../app/api-context'
import { idsIn, touchesFollowUps } from './followups-change'

/** The Follow-ups view from core, refreshed when a change can alter it or a follow-up comes due. */
export function useFollowUpView(): { view: FollowUpView | null; refresh: () => void } {
  const api = useApi()
  const [view, setView] = useState<FollowUpView | null>(null)
  /** The notes the view shows; null until it has loaded (or after a failed ask: ask on any change). */
  const shown = useRef<Set<string> | null>(null)
  const refresh = useCallback(() => {
    api.followups.view({}).then(
      (next) => {
        shown.current = idsIn(next)
        setView(next)
      },
      () => void (shown.current = null),
    )
  }, [api])
  useEffect(() => {
    refresh()
    const offChanged = api.on('library.changed', (change) => {
      if (touchesFollowUps(shown.current, change)) refresh()
    })
    const offDue = api.on('followup.due', refresh)
    // Today turns into Overdue as time passes even when nothing is saved.
    const timer = setInterval(refresh, 60_000)
    return () => {
      offChanged()
      offDue()
      clearInterval(timer)
    }
  }, [api, refresh])
  return { view, refresh }
}
