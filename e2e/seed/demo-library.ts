import { openLibrary } from '../../electron/core'
import { seedLibrary } from '../../electron/core/bench/seed'
import { textToDoc } from '../../electron/shared/doc-text'
import { trashNotes } from '../../electron/core/library-actions'

/**
 * Fills a data folder with a believable library for screenshots and manual checks:
 * `npx tsx e2e/seed/demo-library.ts <dir> [--bulk 10000]`. With --bulk, that many generated notes
 * are written first (directly, as the save bench does) so the list can be scrolled at scale.
 */
const HOUR = 3_600_000

interface Demo {
  title: string
  body: string
  notebook: string
  tags: string[]
  ageHours: number
  followUpHours?: number
  waitingOn?: string
  trashed?: boolean
}

const DEMOS: Demo[] = [
  { title: 'Quote for Hanbit Logistics', body: 'Sent the revised quote with the volume discount. Kim asked for net-45 terms.', notebook: 'Clients', tags: ['sales', 'q3'], ageHours: 1, followUpHours: -20, waitingOn: 'Kim' },
  { title: 'Weekly product sync', body: 'Agenda: onboarding funnel, search latency, the Korean IME bug. Owners for each.', notebook: 'Work', tags: ['meeting'], ageHours: 3, followUpHours: 5 },
  { title: '견적 회신 확인', body: '다음 주 화요일까지 회신을 받기로 함. 담당자: 박 과장.', notebook: 'Clients', tags: ['sales', '견적'], ageHours: 6, followUpHours: 52, waitingOn: '박 과장' },
  { title: 'Reading list', body: 'Designing Data-Intensive Applications; The Mom Test; Shape Up.', notebook: 'Personal', tags: ['books'], ageHours: 30 },
  { title: 'Hiring plan H2', body: 'Two backend engineers, one designer. Budget approved in principle.', notebook: 'Work', tags: ['planning', 'q3'], ageHours: 50 },
  { title: 'Renew passport', body: 'Photos, old passport, application form. Book an appointment online.', notebook: 'Personal', tags: ['errands'], ageHours: 70, followUpHours: 100 },
  { title: 'Ideas for the launch post', body: 'Lead with follow-ups that never get forgotten. Screenshots in both themes.', notebook: 'Inbox', tags: ['marketing'], ageHours: 90 },
  { title: 'Call notes — Daehan Foods', body: 'Interested in the team plan. Needs SSO before the pilot.', notebook: 'Clients', tags: ['sales', 'call'], ageHours: 120 },
  { title: 'Retro: April release', body: 'What went well: the migration. What did not: late QA sign-off.', notebook: 'Work', tags: ['meeting', 'retro'], ageHours: 200 },
  { title: 'Old draft', body: 'Superseded by the launch post ideas.', notebook: 'Inbox', tags: ['marketing'], ageHours: 300, trashed: true },
  { title: 'Duplicate meeting note', body: 'Copy of the weekly sync.', notebook: 'Work', tags: [], ageHours: 320, trashed: true },
]

async function main() {
  const [dir, ...rest] = process.argv.slice(2)
  if (!dir) throw new Error('usage: tsx e2e/seed/demo-library.ts <dir> [--bulk N]')
  const bulkAt = rest.indexOf('--bulk')
  if (bulkAt >= 0) await seedLibrary(dir, Number(rest[bulkAt + 1] ?? 10000))
  const real = Date.now()
  let clock = real
  const lib = await openLibrary(dir, { holder: 'seed', now: () => new Date(clock) })
  const notebooks = new Map([['Inbox', 'inbox']])
  for (const name of ['Work', 'Clients', 'Personal']) notebooks.set(name, (await lib.createNotebook(name)).id)
  for (const demo of [...DEMOS].reverse()) {
    clock = real - demo.ageHours * HOUR
    const note = await lib.createNote({ title: demo.title, doc: textToDoc(demo.body), tags: demo.tags, notebookId: notebooks.get(demo.notebook) })
    if (demo.followUpHours !== undefined) {
      const dueAt = new Date(real + demo.followUpHours * HOUR).toISOString()
      await lib.mutateNote(note.id, (n) => ({ ...n, followUp: { dueAt, waitingOn: demo.waitingOn ?? null, owner: null, attempt: 1, standard: null } }))
    }
    if (demo.trashed) await trashNotes(lib, [note.id])
  }
  await lib.close()
  console.log(`seeded ${dir}`)
}

void main()
