import { isRendererUrl, type RendererLocation } from '../security/renderer-origin'

/** The parts of Electron's IpcMainInvokeEvent the check reads; structural so it is testable without Electron. */
export interface FrameLike {
  url: string
  parent: unknown
  processId: number
  routingId: number
}
export interface SenderEventLike {
  sender: { id: number; mainFrame: Pick<FrameLike, 'processId' | 'routingId'> }
  senderFrame: FrameLike | null
}

/**
 * Accepts an IPC call only from the top frame of one of our own windows while it shows our renderer:
 * an iframe, a page that navigated away, or any other web contents (devtools extensions, a future
 * webview) is refused even though it could reach the channel.
 */
export function createSenderCheck(
  isOurWebContents: (webContentsId: number) => boolean,
  renderer: RendererLocation,
): (event: SenderEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (!isOurWebContents(event.sender.id)) return false
    const main = event.sender.mainFrame
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
    return isRendererUrl(frame.url, renderer)
  }
}
