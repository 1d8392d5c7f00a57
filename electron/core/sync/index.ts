export { startSync, type StartOptions } from './session'
export { SyncEngine, type PassReport } from './engine'
export { loadState, type SyncState, type Problem } from './state'
export { appendToNote, type Appended } from './append'
