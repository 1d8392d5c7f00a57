/** Strings of the note editor: toolbar, link/image form, word count, theme switch. */
export const toolbarEn = {
  label: 'Formatting',
  group: {
    history: 'History',
    style: 'Paragraph style',
    marks: 'Text style',
    blocks: 'Blocks',
    insert: 'Insert',
    table: 'Table',
  },
  undo: 'Undo',
  redo: 'Redo',
  heading1: 'Heading 1',
  heading2: 'Heading 2',
  heading3: 'Heading 3',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strike: 'Strikethrough',
  highlight: 'Highlight',
  code: 'Inline code',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  taskList: 'Checklist',
  blockquote: 'Quote',
  codeBlock: 'Code block',
  horizontalRule: 'Divider',
  link: 'Link',
  noteLink: 'Link to note',
  image: 'Image',
  table: 'Insert table',
  addRow: 'Add row below',
  deleteRow: 'Delete row',
  addColumn: 'Add column to the right',
  deleteColumn: 'Delete column',
  toggleHeaderRow: 'Toggle header row',
  deleteTable: 'Delete table',
}

export const urlFormEn = {
  linkTitle: 'Link',
  linkLabel: 'Link address',
  linkPlaceholder: 'https://example.com or name@example.com',
  linkRefused: 'Only web (http, https) and e-mail (mailto) links can be added.',
  linkFor: 'Links “{{text}}”',
  linkInsert: 'Adds the address as a link at the cursor.',
  imageTitle: 'Image',
  imageLabel: 'Image address',
  imagePlaceholder: 'https://example.com/picture.png',
  imageRefused: 'Only images from a web address (http, https) or an embedded picture can be added.',
  imageHint: 'Pictures and files can also be pasted or dropped into the note (up to {{limit}} each).',
  apply: 'Apply',
  remove: 'Remove link',
  cancel: 'Cancel',
}

export const editorEn = {
  words_one: '{{count}} word',
  words_other: '{{count}} words',
  characters_one: '{{count}} character',
  characters_other: '{{count}} characters',
  taskOpen: 'To do: {{text}}',
  taskDone: 'Done: {{text}}',
  emptyTask: 'empty item',
  pasteFlattened:
    'The pasted text nested more than {{depth}} levels deep, so its lists, quotes and tables were pasted as plain paragraphs.',
  pasteRefused: {
    bytes: 'Not pasted: the note would be larger than {{label}}, the most one note can hold. The note is unchanged.',
    nodes:
      'Not pasted: the note would have more than {{count}} parts (paragraphs, list items, runs of text), the most one note can hold. The note is unchanged.',
    depth: 'Not pasted: the note would nest more than {{depth}} levels deep. The note is unchanged.',
  },
}

export const themeEn = {
  label: 'Theme',
  system: 'Theme: match system',
  light: 'Theme: light',
  dark: 'Theme: dark',
  next: 'Switch theme (now: {{current}})',
}
