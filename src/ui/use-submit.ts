import { useCallback, useRef, useState } from 'react'
import { messageOf } from './message-of'

/**
 * The async submit every form has: one run at a time (a second Enter while saving does nothing), busy
 * while it runs so buttons can be disabled, and a failure kept as a sentence for the form's alert —
 * the typed text stays where it was, so nothing is lost.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)
  /** Runs `action`; true when it succeeded. `describe` turns a failure's message into the sentence shown. */
  const run = useCallback(
    async (action: () => Promise<unknown>, describe?: (message: string) => string): Promise<boolean> => {
      if (running.current) return false
      running.current = true
      setBusy(true)
      setError(null)
      try {
        await action()
        return true
      } catch (failure) {
        const message = messageOf(failure)
        setError(describe ? describe(message) : message)
        return false
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [],
  )
  return { busy, error, setError, run }
}
