import type { INBOX_ID as SharedInboxId } from '../../electron/shared/model'

/** The renderer may not load shared code at run time; the type ties this copy to the shared value. */
export const INBOX_ID: typeof SharedInboxId = 'inbox'
