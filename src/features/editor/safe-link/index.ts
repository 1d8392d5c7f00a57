export { LinkOpener, type LinkOpenerOptions } from './extension'
export { isAllowedLink, normalizeLinkInput, type LinkInput } from './link-policy'
export { LinkTarget, holdLinkTarget, linkTarget, releaseLinkTarget, type Range } from './link-target'
