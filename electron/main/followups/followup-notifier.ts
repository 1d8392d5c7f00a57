import type { DueItem, FollowUpNotification, Notifier } from '../../core/index'

/** The slice of Electron's Notification used here, so tests pass a fake class. */
export interface NotificationLike {
  show(): void
  on(event: 'click', listener: () => void): unknown
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown
  on(event: 'close', listener: () => void): unknown
}
export type NotificationFactory = (options: {
  title: string
  body: string
  actions?: { type: 'button'; text: string }[]
  /** Windows: the whole toast, buttons included (see toast-actions.ts). */
  toastXml?: string
}) => NotificationLike

export type FollowUpAction = 'done' | 'snooze-hour' | 'snooze-tomorrow'

const STRINGS = {
  en: {
    title: (t: string) => `Follow up: ${t || 'Untitled'}`,
    waiting: (p: string) => `Waiting on ${p}`,
    attempt: (a: number, of: number | null) => (of ? `attempt ${a} of ${of}` : `attempt ${a}`),
    summary: (n: number) => `${n} follow-ups are due`,
    actions: ['Done', 'Snooze 1 hour', 'Snooze until tomorrow'],
  },
  ko: {
    title: (t: string) => `후속 조치: ${t || '제목 없음'}`,
    waiting: (p: string) => `${p} 님 응답 대기`,
    attempt: (a: number, of: number | null) => (of ? `${of}회 중 ${a}회차` : `${a}회차`),
    summary: (n: number) => `후속 조치 ${n}건이 도래했습니다`,
    actions: ['완료', '1시간 미루기', '내일로 미루기'],
  },
}
const ACTIONS: FollowUpAction[] = ['done', 'snooze-hour', 'snooze-tomorrow']

export function notificationText(n: FollowUpNotification, locale: string) {
  const s = locale.toLowerCase().startsWith('ko') ? STRINGS.ko : STRINGS.en
  const line = (i: DueItem) =>
    [i.waitingOn && s.waiting(i.waitingOn), s.attempt(i.attempt, i.attempts)].filter(Boolean).join(' · ')
  if (n.kind === 'single') return { title: s.title(n.item.title), body: line(n.item), actions: s.actions }
  const shown = n.items.slice(0, 5).map((i) => `• ${i.title || '—'}`)
  if (n.items.length > 5) shown.push(`+${n.items.length - 5}`)
  return { title: s.summary(n.items.length), body: shown.join('\n'), actions: [] }
}

export interface ElectronNotifierOptions {
  create: NotificationFactory
  platform: string
  locale: () => string
  /** Click on a single follow-up: show that note. A summary opens the app (noteId undefined). */
  onOpen(noteId: string | undefined): void
  onAction(noteId: string, action: FollowUpAction): void
  /** Windows: toast XML whose buttons launch signed tickler:// links, answered via onAction too. */
  toastXml?: (noteId: string, text: { title: string; body: string; actions: readonly string[] }) => string
}

/**
 * OS notifications for follow-ups. Action buttons on macOS (Electron's actions) and Windows (toast XML);
 * elsewhere (Linux) the click opens the note, whose follow-up bar offers the same Done / Snooze choices.
 */
export function createElectronNotifier(
  o: ElectronNotifierOptions,
): Notifier & { live: Set<NotificationLike> } {
  // Electron drops click handlers of notifications that were garbage-collected; hold them until closed.
  const live = new Set<NotificationLike>()
  return {
    live,
    show(n) {
      const text = notificationText(n, o.locale())
      const single = n.kind === 'single' ? n.item : undefined
      const withActions = single && o.platform === 'darwin'
      const toastXml =
        single && o.platform === 'win32' && o.toastXml ? o.toastXml(single.noteId, text) : undefined
      const notification = o.create({
        title: text.title,
        body: text.body,
        ...(withActions ? { actions: text.actions.map((t) => ({ type: 'button' as const, text: t })) } : {}),
        ...(toastXml ? { toastXml } : {}),
      })
      live.add(notification)
      notification.on('click', () => o.onOpen(single?.noteId))
      notification.on('close', () => live.delete(notification))
      if (withActions) {
        notification.on('action', (_e, index) => {
          const action = ACTIONS[index]
          if (action) o.onAction(single.noteId, action)
        })
      }
      notification.show()
    },
  }
}
