import type { MenuItemConstructorOptions } from 'electron'
import { menuStrings } from './menu-strings'

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** Reload and developer tools are only offered while developing. */
  dev: boolean
  helpUrl: string
  /** The OS's language (app.getLocale()); Korean gets a Korean menu. */
  locale?: string
  openExternal: (url: string) => void
  newNote: () => void
  /** Edit > Search Notes: opens the window's search palette (the renderer has the same keys, SEARCH_SHORTCUT). */
  searchNotes?: () => void
  /** File > Quick Capture: always works, even where the OS refused the global shortcut. */
  quickCapture?: () => void
  /** File > Import Markdown…: files, folders or a Tickler export zip, through the native picker. */
  importMarkdown?: () => void
  /** File > Import Evernote or Trello…: .enex or a Trello board's .json, with progress in the window. */
  importNotes?: () => void
}

type Role = NonNullable<MenuItemConstructorOptions['role']>

/**
 * Electron's own default accelerators for these roles, spelled out so the menu states them and a test can
 * check that every common command has one and no two items share a shortcut.
 */
function accelerator(role: Role, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin'
  const table: Partial<Record<Role, string | undefined>> = {
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    cut: 'CommandOrControl+X',
    copy: 'CommandOrControl+C',
    paste: 'CommandOrControl+V',
    selectAll: 'CommandOrControl+A',
    reload: 'CommandOrControl+R',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Control+Shift+I',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    minimize: 'CommandOrControl+M',
    close: 'CommandOrControl+W',
    quit: platform === 'win32' ? 'Alt+F4' : 'CommandOrControl+Q',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
  }
  return table[role]
}

const separator: MenuItemConstructorOptions = { type: 'separator' }
/** Search's own keys (Mod+K is the editor's link command); the search button shows the same. */
export const SEARCH_ACCELERATOR = 'CommandOrControl+Shift+F'

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, dev, helpUrl, openExternal, newNote, quickCapture } = options
  const mac = platform === 'darwin'
  const s = menuStrings(options.locale ?? 'en')
  const item = (role: Role): MenuItemConstructorOptions => {
    const acc = accelerator(role, platform)
    const label = s.roles[role]
    return { role, ...(label ? { label } : {}), ...(acc ? { accelerator: acc } : {}) }
  }

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      item('about'),
      separator,
      item('services'),
      separator,
      item('hide'),
      item('hideOthers'),
      item('unhide'),
      separator,
      item('quit'),
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: s.file,
    submenu: [
      { label: s.newNote, accelerator: 'CommandOrControl+N', click: newNote },
      ...(quickCapture ? [{ label: s.quickCapture, click: quickCapture }] : []),
      ...(options.importMarkdown
        ? [separator, { label: s.importMarkdown, click: options.importMarkdown }]
        : []),
      ...(options.importNotes ? [{ label: s.importNotes, click: options.importNotes }] : []),
      separator,
      mac ? item('close') : item('quit'),
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: s.edit,
    submenu: [
      item('undo'),
      item('redo'),
      separator,
      item('cut'),
      item('copy'),
      item('paste'),
      item('selectAll'),
      ...(options.searchNotes
        ? [separator, { label: s.searchNotes, accelerator: SEARCH_ACCELERATOR, click: options.searchNotes }]
        : []),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: s.view,
    submenu: [
      ...(dev ? [item('reload'), item('toggleDevTools'), separator] : []),
      item('resetZoom'),
      item('zoomIn'),
      item('zoomOut'),
      separator,
      item('togglefullscreen'),
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    label: s.window,
    role: 'windowMenu',
    submenu: mac
      ? [item('minimize'), item('zoom'), separator, item('front')]
      : [item('minimize'), item('close')],
  }
  const help: MenuItemConstructorOptions = {
    label: s.help,
    role: 'help',
    submenu: [
      ...(mac ? [] : [item('about')]),
      { label: s.website(appName), click: () => openExternal(helpUrl) },
    ],
  }
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help]
}
