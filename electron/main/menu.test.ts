import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate, type MenuOptions } from './menu'

// Electron's documented menu roles; a typo here would silently render an empty item.
// prettier-ignore
const ELECTRON_ROLES = new Set([
  'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'reload', 'forceReload',
  'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'toggleSpellChecker', 'togglefullscreen', 'window',
  'minimize', 'close', 'help', 'about', 'services', 'hide', 'hideOthers', 'unhide', 'quit', 'showSubstitutions',
  'toggleSmartQuotes', 'toggleSmartDashes', 'toggleTextReplacement', 'startSpeaking', 'stopSpeaking', 'zoom',
  'front', 'appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'shareMenu', 'recentDocuments', 'toggleTabBar',
  'selectNextTab', 'selectPreviousTab', 'showAllTabs', 'mergeAllWindows', 'clearRecentDocuments',
  'moveTabToNewWindow', 'windowMenu',
])

function build(over: Partial<MenuOptions> = {}) {
  const opened: string[] = []
  let newNotes = 0
  const template = buildMenuTemplate({
    platform: 'linux',
    appName: 'Tickler',
    dev: false,
    helpUrl: 'https://example.com/tickler#readme',
    openExternal: (url) => opened.push(url),
    newNote: () => newNotes++,
    ...over,
  })
  return { template, opened, newNotes: () => newNotes }
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}
const roles = (items: MenuItemConstructorOptions[]) =>
  flatten(items)
    .map((i) => i.role)
    .filter(Boolean)
const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[]

describe('buildMenuTemplate', () => {
  it('speaks Korean when the OS does: menus, our items and every role item are named in Korean', () => {
    const { template } = build({
      locale: 'ko-KR',
      importNotes: () => undefined,
      quickCapture: () => undefined,
    })
    expect(template.map((m) => m.label)).toEqual(['파일', '편집', '보기', '창', '도움말'])
    expect(submenu(template, '파일').map((i) => i.label ?? i.type)).toEqual([
      '새 노트',
      '빠른 메모…',
      '에버노트·트렐로 가져오기…',
      'separator',
      '종료',
    ])
    const unnamed = flatten(template).filter(
      (i) => i.role && !['windowMenu', 'help'].includes(i.role) && !i.label,
    )
    expect(unnamed).toEqual([])
    const mac = build({ locale: 'ko', platform: 'darwin' }).template
    expect(
      flatten(mac).filter((i) => i.role && !['windowMenu', 'help'].includes(i.role) && !i.label),
    ).toEqual([])
    // English stays Electron's own role labels.
    expect(
      submenu(build().template, 'Edit').every((i) => i.type === 'separator' || i.label === undefined),
    ).toBe(true)
  })

  it('offers File > Import Evernote or Trello… when the host can import them', () => {
    let asked = 0
    const { template } = build({ importNotes: () => asked++ })
    const item = submenu(template, 'File').find((i) => i.label === 'Import Evernote or Trello…')
    ;(item?.click as () => void)()
    expect(asked).toBe(1)
    expect(submenu(build().template, 'File').some((i) => i.label === 'Import Evernote or Trello…')).toBe(
      false,
    )
  })

  it('offers File > New Note with Ctrl/Cmd+N, which asks the window for a new note', () => {
    const { template, newNotes } = build()
    const item = submenu(template, 'File').find((i) => i.label === 'New Note')
    expect(item?.accelerator).toBe('CommandOrControl+N')
    ;(item?.click as () => void)()
    expect(newNotes()).toBe(1)
  })

  it('offers File > Quick Capture when the app has it, which always works without the global shortcut', () => {
    let captures = 0
    const { template } = build({ quickCapture: () => captures++ })
    const item = submenu(template, 'File').find((i) => i.label === 'Quick Capture…')
    ;(item?.click as () => void)()
    expect(captures).toBe(1)
    expect(submenu(build().template, 'File').some((i) => i.label === 'Quick Capture…')).toBe(false)
  })

  it('offers Edit > Search Notes with its own keys (Ctrl/Cmd+K is the editor\'s link), in English and Korean', () => {
    let searches = 0
    const { template } = build({ searchNotes: () => searches++ })
    const item = submenu(template, 'Edit').find((i) => i.label === 'Search Notes…')
    expect(item?.accelerator).toBe('CommandOrControl+Shift+F')
    ;(item?.click as () => void)()
    expect(searches).toBe(1)
    const ko = build({ locale: 'ko-KR', searchNotes: () => undefined }).template
    expect(submenu(ko, '편집').find((i) => i.label === '노트 검색…')?.accelerator).toBe('CommandOrControl+Shift+F')
    expect(flatten(template).some((i) => String(i.accelerator ?? '') === 'CommandOrControl+K')).toBe(false)
  })

  it.each(['darwin', 'win32', 'linux'] as const)(
    'uses only standard roles with unique accelerators on %s',
    (platform) => {
      const { template } = build({ platform, dev: true, searchNotes: () => undefined, quickCapture: () => undefined })
      for (const role of roles(template)) expect(ELECTRON_ROLES).toContain(role)
      const accelerators = flatten(template).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []))
      expect(new Set(accelerators).size).toBe(accelerators.length)
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'zoomIn', 'zoomOut']) {
        const found = flatten(template).find((i) => i.role === role)
        expect(found?.accelerator, `${role} on ${platform}`).toBeTruthy()
      }
    },
  )

  it('puts the app menu first on macOS only', () => {
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual([
      'Tickler',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
    expect(build({ platform: 'win32' }).template.map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
    expect(roles(submenu(build({ platform: 'darwin' }).template, 'File'))).toEqual(['close'])
    expect(roles(submenu(build({ platform: 'linux' }).template, 'File'))).toEqual(['quit'])
  })

  it('has the standard edit commands', () => {
    expect(roles(submenu(build().template, 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ])
  })

  it('offers reload and developer tools only in dev', () => {
    expect(roles(submenu(build({ dev: false }).template, 'View'))).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ])
    expect(roles(submenu(build({ dev: true }).template, 'View'))).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ])
  })

  it('opens the website from Help in the OS browser', () => {
    const { template, opened } = build()
    const help = submenu(template, 'Help')
    expect(roles(help)).toEqual(['about'])
    const website = help.find((i) => i.label === 'Tickler Website')
    ;(website?.click as () => void)()
    expect(opened).toEqual(['https://example.com/tickler#readme'])
  })
})
