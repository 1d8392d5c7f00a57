import type { Settings } from '../settings'
import type { Library } from '../types'
import type { Timings } from './connection'
import type { SecretStore } from './secrets'

/** What a MailService is built from: the library and settings it serves, where passwords live, clocks. */
export interface MailServiceOptions {
  library: Library
  settings: Settings
  secrets: SecretStore
  env?: NodeJS.ProcessEnv
  now?: () => Date
  timeZone?: () => string
  readOnly?: boolean
  timings?: Timings
  /** How often Sent and the Tickler folder are re-read while IDLE waits on the Inbox. */
  pollMs?: number
  onChange?: (accountId: string) => void
  random?: () => number
}
