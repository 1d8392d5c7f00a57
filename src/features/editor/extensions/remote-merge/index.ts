export {
  RemoteMerge,
  checkpoint,
  confirmCheckpoint,
  isRemoteChange,
  mergeRemote,
  type Checkpoint,
} from './extension'
export { mergeText } from './text-merge'
