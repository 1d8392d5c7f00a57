import type { MenuItemConstructorOptions } from 'electron'

export interface TrayActions {
  show: () => void
  newNote: () => void
  capture: () => void
  dueFollowUps: () => void
  setKeepInTray: (on: boolean) => void
  quit: () => void
}

export interface TrayState {
  locale: string
  /** Overdue and due today. */
  due: number
  keepInTray: boolean
  /** Shown beside Quick capture so the tray teaches the shortcut; null when it is off or refused. */
  shortcut: string | null
}

const STRINGS = {
  en: {
    show: 'Show Tickler',
    newNote: 'New note',
    capture: 'Quick capture',
    due: (n: number) => (n ? `Due follow-ups (${n})` : 'Follow-ups'),
    keep: 'Keep running in the tray',
    quit: 'Quit Tickler',
    tooltip: (n: number) =>
      n === 0
        ? 'Tickler — nothing due'
        : n === 1
          ? 'Tickler — 1 follow-up due'
          : `Tickler — ${n} follow-ups due`,
  },
  ko: {
    show: 'Tickler 열기',
    newNote: '새 노트',
    capture: '빠른 메모',
    due: (n: number) => (n ? `도래한 후속 조치 (${n})` : '후속 조치'),
    keep: '창을 닫아도 트레이에서 계속 실행',
    quit: 'Tickler 종료',
    tooltip: (n: number) => (n === 0 ? 'Tickler — 도래한 후속 조치 없음' : `Tickler — 후속 조치 ${n}건 도래`),
  },
}
const strings = (locale: string) => (locale.toLowerCase().startsWith('ko') ? STRINGS.ko : STRINGS.en)

export const trayTooltip = (state: Pick<TrayState, 'locale' | 'due'>) =>
  strings(state.locale).tooltip(state.due)

/** The tray's menu, built from plain state so it can be tested and rebuilt whenever the count changes. */
export function buildTrayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const s = strings(state.locale)
  return [
    { label: s.show, click: actions.show },
    { type: 'separator' },
    { label: s.newNote, click: actions.newNote },
    {
      label: s.capture,
      click: actions.capture,
      // Shown only: the global shortcut is registered by main, not by this menu.
      ...(state.shortcut ? { accelerator: state.shortcut, registerAccelerator: false } : {}),
    },
    { label: s.due(state.due), click: actions.dueFollowUps },
    { type: 'separator' },
    {
      label: s.keep,
      type: 'checkbox',
      checked: state.keepInTray,
      click: (item: { checked: boolean }) => actions.setKeepInTray(item.checked),
    },
    { type: 'separator' },
    { label: s.quit, click: actions.quit },
  ]
}
