export { PasteSanitizer } from './extension'
export { sanitizePastedHtml } from './sanitize-html'
export { PasteLimit } from './paste-limit-extension'
