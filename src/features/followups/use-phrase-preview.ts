import { useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { messageOf } from '../../ui/message-of'

export type PhrasePreview =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; dueAt: string }
  | { state: 'error'; message: string }

type Answer = { phrase: string; preview: PhrasePreview }

/**
 * Reads a typed phrase with core's parser (followups.parse), a moment after typing stops, so the time is
 * on screen before anything is saved. An answer counts only for the phrase it was asked about.
 */
export function usePhrasePreview(phrase: string, delayMs = 150): PhrasePreview {
  const api = useApi()
  const [answer, setAnswer] = useState<Answer | null>(null)
  useEffect(() => {
    if (!phrase.trim()) return
    let live = true
    const timer = setTimeout(() => {
      api.followups.parse({ phrase }).then(
        (r) =>
          live &&
          setAnswer({
            phrase,
            preview: r.ok ? { state: 'ok', dueAt: r.dueAt } : { state: 'error', message: r.message },
          }),
        (error: unknown) =>
          live &&
          setAnswer({
            phrase,
            preview: { state: 'error', message: messageOf(error) },
          }),
      )
    }, delayMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, phrase, delayMs])
  if (!phrase.trim()) return { state: 'idle' }
  return answer?.phrase === phrase ? answer.preview : { state: 'checking' }
}
