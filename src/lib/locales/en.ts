import { editorEn, themeEn, toolbarEn, urlFormEn } from './editor-en'
import { captureEn } from './capture-en'
import { followupsEn } from './followups-en'
import { enexImportEn } from './import-en'
import { organizeEn } from './organize-en'
import { boardsEn } from './boards-en'
import { searchEn } from './search-en'
import { noteLinksEn } from './note-links-en'
import { attachmentsEn, transferEn } from './transfer-en'
import { mailEn } from './mail-en'

export const en = {
  app: { name: 'Tickler' },
  enexImport: enexImportEn,
  capture: captureEn,
  organize: organizeEn,
  boards: boardsEn,
  search: searchEn,
  noteLinks: noteLinksEn,
  attachments: attachmentsEn,
  transfer: transferEn,
  mail: mailEn,
  sidebar: {
    label: 'Library',
    allNotes: 'All notes',
    inbox: 'Inbox',
    notebooks: 'Notebooks',
    newNote: 'New note',
    newNotebook: 'Add notebook',
    notebookName: 'Notebook name',
    notebookNamePlaceholder: 'Name your notebook',
    create: 'Create',
    cancel: 'Cancel',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    createFailed: 'Could not create the notebook: {{message}}',
  },
  list: {
    label: 'Notes',
    untitled: 'Untitled',
    noBody: 'No additional text',
    emptyTitle: 'No notes here yet',
    emptyAllTitle: 'Your library is empty',
    emptyHint: 'Notes you write in {{name}} show up here, newest first.',
    emptyAllHint: 'Capture a thought, a meeting, a to-do — everything you write shows up here, newest first.',
    createFirst: 'Create a note',
  },
  note: {
    title: 'Title',
    titlePlaceholder: 'Untitled',
    body: 'Note body',
    bodyPlaceholder: 'Start writing…',
    in: 'in {{name}}',
    edited: 'Edited {{time}}',
    emptyTitle: 'Nothing open',
    emptyHint: 'Pick a note from the list, or start a fresh one.',
    loadFailed: 'Could not open the note: {{message}}',
    createFailed: 'Could not create a note: {{message}}',
  },
  save: {
    saving: 'Saving…',
    saved: 'Saved',
    unsaved: 'Edited',
    failed: 'Save failed: {{message}}',
    retry: 'Retry',
  },
  toolbar: toolbarEn,
  urlForm: urlFormEn,
  editor: editorEn,
  theme: themeEn,
  language: {
    title: 'Language',
    hint: 'Used for the whole app, its menus and notifications. System follows your computer ({{name}}).',
    system: 'System',
    failed: 'Could not save the language: {{message}}',
  },
  followups: followupsEn,
  library: {
    loadFailed: 'Could not load your library: {{message}}',
    retry: 'Try again',
  },
}

/** Every locale must have exactly these keys; TypeScript checks ko against it. */
export type Messages = typeof en
