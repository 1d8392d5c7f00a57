import type { IndexDoc } from './index-doc'

/** An index document for tests: a note in the Inbox with this text, nothing else set unless given. */
export const testDoc = (id: string, text: string, fields: Partial<IndexDoc> = {}): IndexDoc => ({
  id,
  revision: 1,
  title: '',
  text,
  tags: [],
  notebookId: 'inbox',
  notebookName: '',
  boardId: '',
  createdAt: 0,
  updatedAt: 0,
  dueAt: NaN,
  flags: 0,
  ...fields,
})
