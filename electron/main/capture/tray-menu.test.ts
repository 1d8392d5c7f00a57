import { describe, expect, it, vi } from 'vitest'
import { buildTrayMenuTemplate, trayTooltip, type TrayActions } from './tray-menu'

const actions = (): TrayActions => ({
  show: vi.fn(),
  newNote: vi.fn(),
  capture: vi.fn(),
  dueFollowUps: vi.fn(),
  setKeepInTray: vi.fn(),
  quit: vi.fn(),
})
const state = { locale: 'en-US', due: 3, keepInTray: false, shortcut: 'CommandOrControl+Shift+Space' }

describe('tray menu', () => {
  it('offers show, new note, capture, due follow-ups with the count, keep-in-tray and quit', () => {
    const items = buildTrayMenuTemplate(state, actions())
    expect(items.map((i) => i.label ?? i.type)).toEqual([
      'Show Tickler',
      'separator',
      'New note',
      'Quick capture',
      'Due follow-ups (3)',
      'separator',
      'Keep running in the tray',
      'separator',
      'Quit Tickler',
    ])
    expect(items[3]).toMatchObject({
      accelerator: 'CommandOrControl+Shift+Space',
      registerAccelerator: false,
    })
    expect(items[6]).toMatchObject({ type: 'checkbox', checked: false })
  })

  it('runs the matching action for each item and passes the checkbox state', () => {
    const a = actions()
    const items = buildTrayMenuTemplate(state, a)
    const click = (label: string, arg: unknown = {}) =>
      (items.find((i) => i.label === label)?.click as (item: unknown) => void)(arg)
    click('Show Tickler')
    click('New note')
    click('Quick capture')
    click('Due follow-ups (3)')
    click('Keep running in the tray', { checked: true })
    click('Quit Tickler')
    const { show, newNote, capture, dueFollowUps, setKeepInTray, quit } = vi.mocked(a)
    for (const fn of [show, newNote, capture, dueFollowUps, quit]) expect(fn).toHaveBeenCalledOnce()
    expect(setKeepInTray).toHaveBeenCalledWith(true)
  })

  it('shows no shortcut hint when the shortcut is off, and speaks Korean', () => {
    const items = buildTrayMenuTemplate({ ...state, locale: 'ko-KR', due: 0, shortcut: null }, actions())
    expect(items[3]).not.toHaveProperty('accelerator')
    expect(items.map((i) => i.label).filter(Boolean)).toEqual([
      'Tickler 열기',
      '새 노트',
      '빠른 메모',
      '후속 조치',
      '창을 닫아도 트레이에서 계속 실행',
      'Tickler 종료',
    ])
  })

  it('puts the due count in the tooltip', () => {
    expect(trayTooltip({ locale: 'en', due: 0 })).toBe('Tickler — nothing due')
    expect(trayTooltip({ locale: 'en', due: 1 })).toBe('Tickler — 1 follow-up due')
    expect(trayTooltip({ locale: 'en', due: 4 })).toBe('Tickler — 4 follow-ups due')
    expect(trayTooltip({ locale: 'ko', due: 2 })).toBe('Tickler — 후속 조치 2건 도래')
  })
})
