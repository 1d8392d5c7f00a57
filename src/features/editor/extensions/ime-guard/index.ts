export { ImeGuard } from './extension'
export { keyForNativeBreak, type DeferredKey } from './deferred-key'
