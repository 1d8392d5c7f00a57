export { PasteSanitizer } from './extension'
export { sanitizePastedHtml } from './sanitize-html'
