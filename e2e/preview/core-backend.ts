import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RecordingNotifier } from '../../electron/core/followups/scheduler'
import { openCore } from '../../electron/core/open-core'
import type { EventName } from '../../electron/shared/contract'
import { repoRoot } from './build-renderer'
import type { PreviewBackend } from './preview-server'
import { TestClock } from './test-clock'

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }

/**
 * The real core over a data folder, exactly as the app's main process would open it — except the clock,
 * which tests can move, and notifications, which are recorded instead of shown.
 */
export async function openCoreBackend(dataDir: string): Promise<PreviewBackend> {
  const clock = new TestClock()
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  const notifier = new RecordingNotifier()
  const core = await openCore(dataDir, {
    holder: 'preview',
    clock,
    notifier,
    emit: (event, payload) => listeners.forEach((l) => l(event, payload)),
    // A browser tab opening OS windows from a test server would be surprising; report it as not opened.
    host: { version, platform: process.platform, preview: true, openExternal: async () => false },
  })
  const { handlers, followUps } = core
  core.mail.start()
  await followUps.start()
  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    testing: { clock, notifications: () => notifier.shown, recheck: () => followUps.recheck() },
    close: () => core.close(),
  }
}
