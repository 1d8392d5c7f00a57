import { useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { formatBytes } from '../../../electron/shared/domain/attachment'

/** The largest attachment the library takes, as people read it ("50 MB"); null until core has said. */
export function useAttachmentLimit(): string | null {
  const api = useApi()
  const [limit, setLimit] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api.attachments.info({}).then(
      (info) => live && setLimit(formatBytes(info.maxBytes)),
      () => undefined, // without it the hint is simply not shown
    )
    return () => {
      live = false
    }
  }, [api])
  return limit
}
