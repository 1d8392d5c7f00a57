/** Evernote / Trello import (features/import). */
export const enexImportEn = {
  button: 'Import Evernote or Trello…',
  pick: 'Choose an Evernote export (.enex) or a Trello board (.json)',
  uploading: 'Reading {{file}}…',
  progress: '{{file}}: {{imported}} imported, {{skipped}} skipped',
  progressLabel: 'Import progress',
  cancel: 'Cancel import',
  again:
    '{{file}} was already imported on {{date}}. Import it again? Its notes would be added a second time.',
  importAgain: 'Import again',
  skip: "Don't import",
  done_one: '{{file}}: {{count}} note imported into "{{notebook}}"',
  done_other: '{{file}}: {{count}} notes imported into "{{notebook}}"',
  doneBoard_one: '{{file}}: {{count}} card imported to the board "{{board}}"',
  doneBoard_other: '{{file}}: {{count}} cards imported to the board "{{board}}"',
  failed: '{{file}} could not be read to its end: {{message}}',
  failedAt: '{{file}} could not be read to its end (line {{line}}, column {{column}}): {{message}}',
  kept_one: 'The note imported before the error was kept.',
  kept_other: '{{count}} notes imported before the error were kept.',
  rolledBack_one: 'The note imported before the error was removed.',
  rolledBack_other: '{{count}} notes imported before the error were removed.',
  cancelled_one: '{{file}}: import cancelled after {{count}} note.',
  cancelled_other: '{{file}}: import cancelled after {{count}} notes.',
  skipped: 'Skipped',
  warnings_one: '{{count}} warning',
  warnings_other: '{{count}} warnings',
  dismiss: 'Dismiss',
  into: 'Into',
  intoPerFile: 'A new notebook named after each file',
  rollbackOption: 'If a file is broken, remove what it imported',
  unsupported: '{{file}} is not an .enex or .json file.',
  interruptedLabel: 'Interrupted import',
  interruptedResumable_one:
    'The import of {{file}} stopped after {{count}} note when Tickler closed unexpectedly. That note is kept. Import the same file again to bring in the rest: nothing is imported twice.',
  interruptedResumable_other:
    'The import of {{file}} stopped after {{count}} notes when Tickler closed unexpectedly. Those notes are kept. Import the same file again to bring in the rest: nothing is imported twice.',
  interruptedRolledBack_one:
    'The import of {{file}} stopped when Tickler closed unexpectedly. As chosen, the note it had imported was removed.',
  interruptedRolledBack_other:
    'The import of {{file}} stopped when Tickler closed unexpectedly. As chosen, the {{count}} notes it had imported were removed.',
  interruptedFinished:
    'The import of {{file}} had finished just before Tickler closed; it is recorded as imported.',
  resume: 'Import {{file}} again…',
  resumed_one:
    'It carried on after the note an interrupted import of this file had brought in; that one was not imported again.',
  resumed_other:
    'It carried on after the {{count}} notes an interrupted import of this file had brought in; those were not imported again.',
}
