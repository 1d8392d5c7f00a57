import { watch, type FSWatcher } from 'node:fs'
import { sep } from 'node:path'
import { DEVICES, TEMP_AREA } from './folder'

export interface WatchEvents {
  /** Something another device (or the sync tool) wrote arrived. */
  changed(): void
  /** The watch stopped working (the folder went away): the service falls back to passes on a timer. */
  broken(): void
}

/** Starts watching; returns how to stop, or null when this folder cannot be watched (then it is polled). */
export type WatchFolder = (folder: string, deviceId: string, events: WatchEvents) => (() => void) | null

/**
 * fs.watch over the whole sync folder. This device's own files and the temporary area are left out, so
 * its own writes do not start another pass; everything else — another device's pack, a sync tool's
 * temporary name becoming the real one — does.
 */
export const watchFolder: WatchFolder = (folder, deviceId, events) => {
  const own = `${DEVICES}${sep}${deviceId}`
  let watcher: FSWatcher
  try {
    watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
      const file = name?.toString() ?? ''
      if (file.startsWith(own) || file.startsWith(TEMP_AREA)) return
      events.changed()
    })
  } catch {
    return null
  }
  watcher.on('error', () => {
    watcher.close()
    events.broken()
  })
  return () => watcher.close()
}
