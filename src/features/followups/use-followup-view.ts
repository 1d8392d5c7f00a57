import { useCallback, useEffect, useState } from 'react'
import type { FollowUpView } from '../../../electron/shared/contract-followups'
import { useApi } from '../../app/api-context'

/** The Follow-ups view from core, refreshed whenever a note changes or a follow-up comes due. */
export function useFollowUpView(): { view: FollowUpView | null; refresh: () => void } {
  const api = useApi()
  const [view, setView] = useState<FollowUpView | null>(null)
  const refresh = useCallback(() => {
    api.followups.view({}).then(setView, () => undefined)
  }, [api])
  useEffect(() => {
    refresh()
    const offChanged = api.on('library.changed', refresh)
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
