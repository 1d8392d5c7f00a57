import { useEffect, useRef, useState } from 'react'
import type { SearchOutput } from '../../../electron/shared/contract-search'
import { useApi } from '../../app/api-context'
import { messageOf } from '../../ui/message-of'

export interface SearchState {
  result: SearchOutput | null
  error: string | null
  loading: boolean
}

interface Answer {
  query: string
  result: SearchOutput | null
  error: string | null
}

/**
 * Results as you type. Core keeps only the newest waiting query; here an answer to anything but the
 * current query is never shown, so the list never flickers back to an older query's hits.
 */
export function useSearch(query: string): SearchState {
  const api = useApi()
  const [answer, setAnswer] = useState<Answer | null>(null)
  const latest = useRef(query)
  useEffect(() => {
    latest.current = query
    if (!query.trim()) return
    api.search.query({ query, limit: 30 }).then(
      (result) => {
        if (latest.current === query && !result.superseded) setAnswer({ query, result, error: null })
      },
      (error: unknown) => {
        const message = messageOf(error)
        if (latest.current === query) setAnswer({ query, result: null, error: message })
      },
    )
  }, [api, query])
  if (!query.trim()) return { result: null, error: null, loading: false }
  // While the new answer is on its way the previous one stays, so the list does not blink empty.
  return { result: answer?.result ?? null, error: answer?.error ?? null, loading: answer?.query !== query }
}
