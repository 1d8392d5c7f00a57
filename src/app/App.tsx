import { StrictMode } from 'react'
import type { TicklerApi } from '../../electron/shared/contract'
import { ApiContext } from './api-context'
import { Shell } from './Shell'
import { useLanguageSync } from './use-language-sync'

export function App({ api }: { api: TicklerApi }) {
  useLanguageSync(api)
  return (
    <StrictMode>
      <ApiContext.Provider value={api}>
        <Shell />
      </ApiContext.Provider>
    </StrictMode>
  )
}
