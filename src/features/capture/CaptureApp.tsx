import { StrictMode, useEffect, useState } from 'react'
import type { TicklerApi } from '../../../electron/shared/contract'
import { ApiContext } from '../../app/api-context'
import { CapturePanel } from './CapturePanel'
import { isMac } from './capture-keys'
import './capture.css'
import { useLanguageSync } from '../../app/use-language-sync'

/** The quick-capture route (?view=capture): the same renderer, drawing only the capture panel. */
export function CaptureApp({ api }: { api: TicklerApi }) {
  const [host, setHost] = useState<{ mac: boolean; desktop: boolean } | null>(null)
  useLanguageSync(api)
  useEffect(() => {
    document.documentElement.classList.add('capture-route')
    api.app
      .info({})
      .then((info) => setHost({ mac: isMac(info.platform), desktop: !info.preview }))
      .catch(() => setHost({ mac: isMac(navigator.platform), desktop: false }))
  }, [api])
  return (
    <StrictMode>
      <ApiContext.Provider value={api}>
        <main className="capture-page">
          {host && <CapturePanel api={api} mac={host.mac} desktop={host.desktop} />}
        </main>
      </ApiContext.Provider>
    </StrictMode>
  )
}

export const isCaptureRoute = (search: string) => new URLSearchParams(search).get('view') === 'capture'
