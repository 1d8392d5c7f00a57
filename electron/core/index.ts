export { openLibrary } from './library'
export { createHandlers, type HostEnv } from './handlers'
export { lockHolder, describeHolder } from './lock'
export type { Library, OpenOptions, OpenReport, CorruptFile, LibraryChange } from './types'
