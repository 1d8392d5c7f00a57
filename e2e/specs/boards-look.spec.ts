import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board, type Note } from '../pages/board-page'

/** A board that looks like real work: labels, follow-ups in every state, checklists, media, a WIP limit. */
async function seed(call: ReturnType<typeof coreCall>, clockNow: Date) {
  const b = await call<Board>('boards.create', {
    name: 'Q3 product launch',
    columns: [
      { name: 'Backlog', done: false },
      { name: 'In progress', done: false },
      { name: 'Waiting on others', done: false },
      { name: 'Done', done: true },
    ],
  })
  await call('boards.updateColumn', { id: b.id, columnId: b.columns[1]!.id, wipLimit: 2 })
  const task = (text: string, checked: boolean) => ({ type: 'taskItem', attrs: { checked }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
  const doc = (tasks: [string, boolean][], images = 0, files = 0) => ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Notes for this card.' }] },
      ...(tasks.length ? [{ type: 'taskList', content: tasks.map(([t, c]) => task(t, c)) }] : []),
      ...Array.from({ length: images }, () => ({ type: 'image', attrs: { src: 'x.png' } })),
      ...Array.from({ length: files }, () => ({ type: 'attachment', attrs: { file: 'f.pdf' } })),
    ],
  })
  const hours = (h: number) => new Date(clockNow.getTime() + h * 3_600_000).toISOString()
  const cards: [number, string, string[], [string, boolean][], number, number, string | null][] = [
    [0, 'Draft press release', ['marketing'], [['Outline', true], ['First draft', false], ['Legal review', false]], 0, 1, hours(30)],
    [0, 'Pick launch venue', ['events'], [], 3, 0, null],
    [0, 'Update pricing page', ['web', 'pricing'], [['Copy', false], ['Screenshots', false]], 2, 0, null],
    [1, 'Record demo video', ['marketing', 'video'], [['Script', true], ['Shoot', true], ['Edit', false]], 1, 0, hours(3)],
    [1, 'Fix checkout bug #214', ['web', 'urgent'], [], 0, 1, hours(-20)],
    [1, 'Translate docs to Korean', ['docs', '한국어'], [['Getting started', true], ['FAQ', false]], 0, 0, null],
    [2, 'Quote from printer', ['events'], [], 0, 2, hours(-2)],
    [2, 'Sign-off from legal', ['legal'], [['Send contract', true]], 0, 1, hours(50)],
    [3, 'Choose launch date', ['planning'], [['Poll team', true], ['Confirm', true]], 0, 0, null],
    [3, 'Book photographer', ['events'], [], 1, 0, null],
  ]
  for (const [col, title, tags, tasks, images, files, due] of cards) {
    const n = await call<Note>('cards.add', { boardId: b.id, columnId: b.columns[col]!.id, title, at: 'bottom' })
    await call('notes.update', { id: n.id, tags, doc: doc(tasks, images, files) })
    if (due && col !== 3) await call('followups.set', { id: n.id, dueAt: due })
  }
  return b
}

test.describe('how a board looks', () => {
  test.describe.configure({ timeout: 90_000 })
  for (const scheme of ['light', 'dark'] as const) {
    test(`a real-looking board in the ${scheme} theme`, async ({ page, preview }) => {
      const now = new Date()
      preview.backend.testing?.clock.set(now)
      await seed(coreCall(preview), now)
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width: 1440, height: 860 })
      const board = new BoardPage(page)
      await board.open(preview.url)
      await board.openBoard('Q3 product launch')
      await expect(board.card('Fix checkout bug #214')).toBeVisible()
      await expect(page.getByRole('status').filter({ hasText: 'Over the limit: 3 of 2' })).toBeVisible()
      await page.screenshot({ path: test.info().outputPath(`board-${scheme}.png`) })
      await board.card('Record demo video').click()
      await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Record demo video')
      await page.screenshot({ path: test.info().outputPath(`board-${scheme}-open-card.png`) })
    })
  }
})
