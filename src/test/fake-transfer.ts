import type { TicklerApi } from '../../electron/shared/contract'
import { MAX_ATTACHMENT_BYTES } from '../../electron/shared/domain/attachment'

/** attachments.* and transfer.* for renderer tests: nothing is stored; the real ones are tested in core. */
export function createFakeTransfer(): Pick<TicklerApi, 'attachments' | 'transfer'> {
  return {
    attachments: {
      add: async ({ name, mime, data }) => ({
        file: `${'0'.repeat(64)}.bin`,
        name,
        mime,
        size: Math.floor((data.length * 3) / 4),
      }),
      // A web image "downloads" as a PNG named after the address, so tests can see the swap happen.
      fetch: async ({ url }) => ({
        file: `${'1'.repeat(64)}.png`,
        name: url.split('/').pop() || 'image.png',
        mime: 'image/png',
        size: 68,
      }),
      info: async () => ({ urlBase: '/attachments/', maxBytes: MAX_ATTACHMENT_BYTES }),
      open: async () => ({ opened: false, blocked: false, shownInFolder: false }),
    },
    transfer: {
      export: async () => ({ outcome: 'cancelled', count: 0 }),
      import: async () => ({ imported: [], attachments: 0, skipped: [], warnings: [] }),
    },
  }
}
