import { StrictMode } from 'react'
import type { TicklerApi } from '../../electron/shared/contract'
import { ApiContext } from './api-context'
import { Shell } from './Shell'

export function App({ api }: { api: TicklerApi }) {
  return (
    <StrictMode>
      <ApiContext.Provider value={api}>
        <Shell />
      </ApiContext.Provider>
    </StrictMode>
  )
}
