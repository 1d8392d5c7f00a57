export { LinkOpener, type LinkOpenerOptions } from './extension'
export { isAllowedLink, normalizeLinkInput, type LinkInput } from './link-policy'
