/** Attachments and Markdown/HTML export-import strings (English). */
export const attachmentsEn = {
  open: 'Open {{name}} ({{size}})',
  openHint:
    'Open with the default app (Enter when selected); a file that could run a program is shown in its folder instead',
  missing: 'Missing attachment',
  blocked:
    '“{{name}}” was not opened: .{{type}} files can run programs. It stays in the library’s attachments folder.',
  blockedShown:
    '“{{name}}” was not opened: .{{type}} files can run programs. It is shown in its folder; open it from there only if you trust it.',
  tooLarge: '“{{name}}” was not added: attachments can be at most {{limit}}.',
  failed: '“{{name}}” could not be added: {{message}}',
  webImageFailed: '{{message}} It was kept as a link.',
}

export const transferEn = {
  export: 'Export',
  exportMenu: 'Export options',
  exportNoteMarkdown: 'This note as Markdown',
  exportNoteHtml: 'This note as HTML',
  exportNotebookMarkdown: 'This notebook as Markdown',
  exportNotebookHtml: 'This notebook as HTML',
  exported_one: 'Exported {{count}} file to {{folder}}.',
  exported_other: 'Exported {{count}} files to {{folder}}.',
  downloaded: 'Downloaded {{name}}.',
  exportFailed: 'Export failed: {{message}}',
  import: 'Import',
  importMenu: 'Import options',
  importFiles: 'Import Markdown files',
  importFolder: 'Import a folder',
  importHint: 'Markdown files (.md), a folder of them, or a Tickler export (.zip).',
  imported_one: 'Imported {{count}} note.',
  imported_other: 'Imported {{count}} notes.',
  skipped: 'Skipped {{path}}: {{reason}}',
  warning: '{{path}}: {{message}}; the rest of the note was imported.',
  importFailed: 'Import failed: {{message}}',
  dropHere: 'Drop Markdown files to import them',
  dismiss: 'Dismiss',
}
