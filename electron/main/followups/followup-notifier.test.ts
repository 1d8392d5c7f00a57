import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { DueItem } from '../../core/index'
import { createElectronNotifier, notificationText } from './followup-notifier'

const item: DueItem = {
  noteId: 'n1',
  title: 'Quote',
  dueAt: '2025-03-06T14:00:00+09:00',
  waitingOn: 'Kim',
  attempt: 2,
  attempts: 5,
}

function setup(platform: string) {
  const made: (EventEmitter & { options: unknown; shown: boolean })[] = []
  const opened: (string | undefined)[] = []
  const actions: [string, string][] = []
  const notifier = createElectronNotifier({
    create: (options) => {
      const n = Object.assign(new EventEmitter(), { options, shown: false, show: () => (n.shown = true) })
      made.push(n)
      return n
    },
    platform,
    locale: () => 'en-US',
    onOpen: (id) => opened.push(id),
    onAction: (id, a) => actions.push([id, a]),
  })
  return { notifier, made, opened, actions }
}

describe('Electron follow-up notifications', () => {
  it('says who we wait on and which attempt, in English and Korean', () => {
    expect(notificationText({ kind: 'single', item }, 'en-US')).toMatchObject({
      title: 'Follow up: Quote',
      body: 'Waiting on Kim · attempt 2 of 5',
    })
    expect(notificationText({ kind: 'single', item }, 'ko-KR').body).toBe('Kim 님 응답 대기 · 5회 중 2회차')
    const many = Array.from({ length: 7 }, (_, i) => ({ ...item, noteId: `n${i}`, title: `T${i}` }))
    const summary = notificationText({ kind: 'summary', items: many }, 'en')
    expect(summary.title).toBe('7 follow-ups are due')
    expect(summary.body.split('\n')).toHaveLength(6)
  })

  it('offers Done / Snooze actions on macOS and maps them to the note', () => {
    const { notifier, made, actions, opened } = setup('darwin')
    notifier.show({ kind: 'single', item })
    expect(made[0]!.shown).toBe(true)
    expect(made[0]!.options).toMatchObject({
      actions: [{ text: 'Done' }, { text: 'Snooze 1 hour' }, { text: 'Snooze until tomorrow' }],
    })
    made[0]!.emit('action', {}, 1)
    made[0]!.emit('action', {}, 2)
    made[0]!.emit('action', {}, 9)
    made[0]!.emit('click')
    expect(actions).toEqual([
      ['n1', 'snooze-hour'],
      ['n1', 'snooze-tomorrow'],
    ])
    expect(opened).toEqual(['n1'])
  })

  it('has no actions where the OS has none; a summary click opens the app; closed ones are let go', () => {
    const { notifier, made, opened } = setup('linux')
    notifier.show({ kind: 'single', item })
    notifier.show({ kind: 'summary', items: [item, { ...item, noteId: 'n2' }] })
    expect(made[0]!.options).not.toHaveProperty('actions')
    made[1]!.emit('click')
    expect(opened).toEqual([undefined])
    expect(notifier.live.size).toBe(2)
    made[0]!.emit('close')
    expect(notifier.live.size).toBe(1)
  })
})
