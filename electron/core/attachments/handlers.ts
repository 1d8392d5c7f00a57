import { MAX_ATTACHMENT_BYTES, isOpenableFile } from '../../shared/domain/attachment'
import type { attachmentContract } from '../../shared/contract-attachments'
import type { Handlers } from '../../shared/rpc'
import { fetchImage } from './fetch-image'
import { AttachmentStore, TooLargeError, cleanName } from './store'

export interface AttachmentHost {
  /** The URL prefix under which this host serves `<hash>.<ext>` names. */
  attachmentUrlBase?: string
  /** Opens an already-resolved file inside the attachments folder with the OS (Electron's shell.openPath). */
  openPath?: (path: string) => Promise<boolean>
  /** Shows a file in the OS's file manager without opening it (Electron's shell.showItemInFolder). */
  showInFolder?: (path: string) => void
  /** Which addresses web images may come from (public ones unless a test serves them from loopback). */
  addressAllowed?: (ip: string) => boolean
}

type AttachmentHandlers = Pick<Handlers, keyof typeof attachmentContract>

export function createAttachmentHandlers(dataDir: string, host: AttachmentHost): AttachmentHandlers {
  const store = new AttachmentStore(dataDir)
  return {
    'attachments.add': async ({ name, mime, data }) => {
      // Checked before decoding too, so a huge string is refused without allocating its bytes.
      const approx = Math.floor((data.length * 3) / 4)
      if (approx > MAX_ATTACHMENT_BYTES + 2) throw new TooLargeError(cleanName(name), approx)
      return store.add(Buffer.from(data, 'base64'), name, mime)
    },
    'attachments.fetch': async ({ url }) => {
      const image = await fetchImage(url, { addressAllowed: host.addressAllowed })
      return store.add(image.bytes, image.name, image.mime)
    },
    'attachments.info': () => ({
      urlBase: host.attachmentUrlBase ?? '/attachments/',
      maxBytes: MAX_ATTACHMENT_BYTES,
    }),
    'attachments.open': async ({ file }) => {
      const path = await store.pathOf(file)
      if (!isOpenableFile(file)) {
        host.showInFolder?.(path)
        return { opened: false, blocked: true, shownInFolder: Boolean(host.showInFolder) }
      }
      return { opened: host.openPath ? await host.openPath(path) : false, blocked: false, shownInFolder: false }
    },
  }
}
