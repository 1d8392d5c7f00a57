export { openLibrary } from './library'
export { createHandlers, type HostEnv } from './handlers'
export { lockHolder, describeHolder } from './lock'
export type { Library, OpenOptions, OpenReport, CorruptFile, LibraryChange } from './types'
export { summaryWithLinks } from './note-files'
export { changedEvent } from './change-event'
export { defaultDataDir } from './paths'
export { openFollowUps, type FollowUpService } from './followups/service'
export {
  RecordingNotifier,
  type Notifier,
  type FollowUpNotification,
  type DueItem,
  type Clock,
} from './followups/scheduler'
export { createFollowUpActions, type FollowUpActions } from './followups/actions'
export { openSettings } from './settings'
export { watchClock, type ClockWatchOptions } from './followups/clock-watch'
export { createSearch, type SearchService, type SearchOptions } from './search/service'
export { captureStoreFor } from './capture/capture-settings'
export type { CaptureHooks, ClipboardContent } from './capture/handlers'
