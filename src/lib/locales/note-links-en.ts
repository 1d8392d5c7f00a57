/** Strings of links between notes: the link itself, the "Link to note" picker and the Linked from list. */
export const noteLinksEn = {
  missing: '{{title}} (note not found)',
  missingHint: 'The note this link points at was deleted or is not in this library.',
  openHint: 'Open “{{title}}” (Enter)',
  picker: {
    title: 'Link to note',
    search: 'Search note titles',
    placeholder: 'Note title…',
    results: 'Notes to link to',
    none: 'No note matches “{{query}}”.',
    noNotes: 'No other notes yet.',
    hint: '↑↓ to choose, Enter to link, Esc to close',
    untitled: 'Untitled',
  },
  backlinks: {
    title: 'Linked from',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    failed: 'Could not load the notes linking here: {{message}}',
  },
}
