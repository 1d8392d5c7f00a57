export { SelectionSync, syncSelectionFromDom } from './extension'
