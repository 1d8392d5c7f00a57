import { samplePictureDataUrl } from './sample-image'
import type { NoteDoc } from '../../electron/shared/model'

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const p = (...content: ReturnType<typeof text>[]) => ({ type: 'paragraph', content })
const task = (checked: boolean, value: string) => ({
  type: 'taskItem',
  attrs: { checked },
  content: [p(text(value))],
})
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, content: [p(text(value))] })

const PICTURE = samplePictureDataUrl()

interface Strings {
  title: string
  heading: string
  intro: [string, string, string]
  tasks: [string, string, string]
  table: [string, string, string, string, string, string]
  quote: string
  link: string
}

/** A note using most of what the editor offers, for screenshots and demos. */
export function richNote(s: Strings): { title: string; doc: NoteDoc } {
  return {
    title: s.title,
    doc: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text(s.heading)] },
        p(text(s.intro[0]), text(s.intro[1], [{ type: 'bold' }]), text(s.intro[2], [{ type: 'highlight' }])),
        {
          type: 'taskList',
          content: [task(true, s.tasks[0]), task(false, s.tasks[1]), task(false, s.tasks[2])],
        },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', s.table[0]), cell('tableHeader', s.table[1])] },
            { type: 'tableRow', content: [cell('tableCell', s.table[2]), cell('tableCell', s.table[3])] },
            { type: 'tableRow', content: [cell('tableCell', s.table[4]), cell('tableCell', s.table[5])] },
          ],
        },
        { type: 'blockquote', content: [p(text(s.quote, [{ type: 'italic' }]))] },
        {
          type: 'codeBlock',
          attrs: { language: 'typescript' },
          content: [text('const due = addDays(today, 3)\nawait tickler.followUp(note, { due })')],
        },
        p(text(s.link, [{ type: 'link', attrs: { href: 'https://example.com/contract' } }])),
        { type: 'image', attrs: { src: PICTURE, alt: '' } },
      ],
    },
  }
}

export const RICH_EN = richNote({
  title: 'Quarterly review with Kim',
  heading: 'Agenda',
  intro: ['Confirm the ', 'renewal terms', ' before Friday.'],
  tasks: ['Send the draft contract', 'Book the meeting room', 'Follow up on the invoice'],
  table: ['Owner', 'Due', 'Kim', 'Thursday', 'Lee', 'Next week'],
  quote: 'Keep the pricing table simple — one page.',
  link: 'Contract draft',
})

export const RICH_KO = richNote({
  title: '김 과장과 분기 검토',
  heading: '안건',
  intro: ['금요일 전에 ', '갱신 조건', '을 확인하기.'],
  tasks: ['계약서 초안 보내기', '회의실 예약하기', '청구서 후속 조치'],
  table: ['담당', '기한', '김 과장', '목요일', '이 대리', '다음 주'],
  quote: '가격표는 한 장으로 간단하게.',
  link: '계약서 초안',
})
