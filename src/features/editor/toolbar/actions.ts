import type { Editor } from '@tiptap/react'
import { focusedChain } from '../focus-now'

export type Popover = 'link' | 'image' | 'noteLink'

export interface ToolContext {
  openPopover: (which: Popover) => void
}

/**
 * One toolbar action: its i18n key (toolbar.<key>), what it shows, the keyboard shortcut that does the
 * same (TipTap's own keymap, listed so the tooltip can teach it) and the state it reflects.
 */
export interface ToolAction {
  key: string
  /** An icon name from icons.tsx, or text drawn as the button face. */
  icon?: string
  glyph?: string
  shortcut?: string
  isActive?: (editor: Editor) => boolean
  canRun?: (editor: Editor) => boolean
  run: (editor: Editor, context: ToolContext) => void
}

const chain = focusedChain
const inTable = (editor: Editor) => editor.isActive('table')

export const HISTORY: ToolAction[] = [
  {
    key: 'undo',
    icon: 'undo',
    shortcut: 'Mod-z',
    canRun: (e) => e.can().undo(),
    run: (e) => chain(e).undo().run(),
  },
  {
    key: 'redo',
    icon: 'redo',
    shortcut: 'Mod-Shift-z',
    canRun: (e) => e.can().redo(),
    run: (e) => chain(e).redo().run(),
  },
]

const heading = (level: 1 | 2 | 3): ToolAction => ({
  key: `heading${level}`,
  glyph: `H${level}`,
  shortcut: `Mod-Alt-${level}`,
  isActive: (e) => e.isActive('heading', { level }),
  run: (e) => chain(e).toggleHeading({ level }).run(),
})

export const BLOCK_STYLE: ToolAction[] = [heading(1), heading(2), heading(3)]

const mark = (key: string, glyph: string, shortcut: string, toggle: (e: Editor) => boolean): ToolAction => ({
  key,
  glyph,
  shortcut,
  isActive: (e) => e.isActive(key),
  run: toggle,
})

export const MARKS: ToolAction[] = [
  mark('bold', 'B', 'Mod-b', (e) => chain(e).toggleBold().run()),
  mark('italic', 'I', 'Mod-i', (e) => chain(e).toggleItalic().run()),
  mark('underline', 'U', 'Mod-u', (e) => chain(e).toggleUnderline().run()),
  mark('strike', 'S', 'Mod-Shift-s', (e) => chain(e).toggleStrike().run()),
  { ...mark('highlight', '', 'Mod-Shift-h', (e) => chain(e).toggleHighlight().run()), icon: 'highlight' },
  { ...mark('code', '', 'Mod-e', (e) => chain(e).toggleCode().run()), icon: 'code' },
]

export const BLOCKS: ToolAction[] = [
  {
    key: 'bulletList',
    icon: 'bulletList',
    shortcut: 'Mod-Shift-8',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => chain(e).toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    icon: 'orderedList',
    shortcut: 'Mod-Shift-7',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => chain(e).toggleOrderedList().run(),
  },
  {
    key: 'taskList',
    icon: 'taskList',
    shortcut: 'Mod-Shift-9',
    isActive: (e) => e.isActive('taskList'),
    run: (e) => chain(e).toggleTaskList().run(),
  },
  {
    key: 'blockquote',
    icon: 'blockquote',
    shortcut: 'Mod-Shift-b',
    isActive: (e) => e.isActive('blockquote'),
    run: (e) => chain(e).toggleBlockquote().run(),
  },
  {
    key: 'codeBlock',
    icon: 'codeBlock',
    shortcut: 'Mod-Alt-c',
    isActive: (e) => e.isActive('codeBlock'),
    run: (e) => chain(e).toggleCodeBlock().run(),
  },
  { key: 'horizontalRule', icon: 'horizontalRule', run: (e) => chain(e).setHorizontalRule().run() },
]

export const INSERT: ToolAction[] = [
  {
    key: 'link',
    icon: 'link',
    shortcut: 'Mod-k',
    isActive: (e) => e.isActive('link'),
    run: (_e, ui) => ui.openPopover('link'),
  },
  { key: 'noteLink', icon: 'noteLink', run: (_e, ui) => ui.openPopover('noteLink') },
  { key: 'image', icon: 'image', run: (_e, ui) => ui.openPopover('image') },
  {
    key: 'table',
    icon: 'table',
    isActive: inTable,
    canRun: (e) => !inTable(e),
    run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
]

/** Shown only while the caret is in a table, so the main row stays short. */
export const TABLE: ToolAction[] = [
  {
    key: 'addRow',
    icon: 'rowAfter',
    canRun: (e) => e.can().addRowAfter(),
    run: (e) => chain(e).addRowAfter().run(),
  },
  {
    key: 'deleteRow',
    icon: 'rowDelete',
    canRun: (e) => e.can().deleteRow(),
    run: (e) => chain(e).deleteRow().run(),
  },
  {
    key: 'addColumn',
    icon: 'columnAfter',
    canRun: (e) => e.can().addColumnAfter(),
    run: (e) => chain(e).addColumnAfter().run(),
  },
  {
    key: 'deleteColumn',
    icon: 'columnDelete',
    canRun: (e) => e.can().deleteColumn(),
    run: (e) => chain(e).deleteColumn().run(),
  },
  {
    key: 'toggleHeaderRow',
    icon: 'headerRow',
    canRun: (e) => e.can().toggleHeaderRow(),
    run: (e) => chain(e).toggleHeaderRow().run(),
  },
  {
    key: 'deleteTable',
    icon: 'tableDelete',
    canRun: (e) => e.can().deleteTable(),
    run: (e) => chain(e).deleteTable().run(),
  },
]

export const GROUPS: { key: string; actions: ToolAction[] }[] = [
  { key: 'history', actions: HISTORY },
  { key: 'style', actions: BLOCK_STYLE },
  { key: 'marks', actions: MARKS },
  { key: 'blocks', actions: BLOCKS },
  { key: 'insert', actions: INSERT },
]
