import { createContext, useContext } from 'react'
import type { TicklerApi } from '../../electron/shared/contract'

/** Components reach window.tickler through context, so a test can hand them the real core on a temporary folder. */
export const ApiContext = createContext<TicklerApi | null>(null)

export function useApi(): TicklerApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider> above it')
  return api
}
