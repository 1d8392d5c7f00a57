import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board } from '../pages/board-page'

/**
 * A board with 1,000 cards: columns are virtualised, so the page mounts only the cards in view. Prints
 * what it measured (render, DOM size, a keyboard drag, a scroll) — figures, not pass/fail thresholds,
 * except that the DOM must stay small and the drag must land.
 */
test('a 1,000-card board opens, scrolls and drags with a small DOM', async ({ page, preview }) => {
  test.setTimeout(240_000)
  const call = coreCall(preview)
  const b = await call<Board>('boards.create', {
    name: 'Big board',
    columns: [
      { name: 'Inbox', done: false },
      { name: 'Doing', done: false },
      { name: 'Done', done: true },
    ],
  })
  for (let i = 0; i < 1000; i++) {
    const col = i < 900 ? 0 : i < 970 ? 1 : 2
    await call('cards.add', {
      boardId: b.id,
      columnId: b.columns[col]!.id,
      title: `Card ${String(i).padStart(4, '0')}`,
      at: 'bottom',
    })
  }
  const board = new BoardPage(page)
  await board.open(preview.url)
  const started = Date.now()
  await page.getByRole('navigation').getByRole('button', { name: 'Big board', exact: true }).click()
  await expect(board.card('Card 0000')).toBeVisible()
  const renderMs = Date.now() - started
  const mounted = await page.locator('.board-card').count()
  expect(mounted).toBeLessThan(150) // 1,000 cards, only the visible ones (plus overscan) in the DOM

  const scrollMs = await page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('.column-cards')!
    const t0 = performance.now()
    for (let i = 1; i <= 20; i++) {
      list.scrollTop = (list.scrollHeight * i) / 20
      await new Promise((r) => requestAnimationFrame(() => r(null)))
    }
    const perFrame = (performance.now() - t0) / 20
    // Measured heights replace estimates as cards mount: keep going until the end really is in view.
    for (let i = 0; i < 30; i++) {
      list.scrollTop = list.scrollHeight
      await new Promise((r) => requestAnimationFrame(() => r(null)))
    }
    return perFrame
  })
  await expect(board.card('Card 0899')).toBeVisible()

  // Keyboard: each step timed from the key press to the second frame after it (what a person waits for).
  const frames = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))))
  const dragStart = Date.now()
  const steps: number[] = []
  await board.handle('Card 0899').focus()
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    const t0 = Date.now()
    await page.keyboard.press(key)
    await frames()
    steps.push(Date.now() - t0)
  }
  await expect.poll(async () => (await board.titles('Inbox')).slice(-2)).toEqual(['Card 0899', 'Card 0898'])
  const dragMs = Date.now() - dragStart

  // Mouse: a card from Doing onto Done, in the small steps a hand makes.
  const mouseStart = Date.now()
  await board.dragWithMouse('Card 0900', board.column('Done').getByRole('list'), 'top')
  await frames()
  const mouseMs = Date.now() - mouseStart
  await expect.poll(async () => (await board.titles('Done')).includes('Card 0900')).toBe(true)

  const line =
    `1,000 cards: board shown in ${renderMs} ms, ${mounted} card elements mounted, ${scrollMs.toFixed(1)} ms a scroll frame, ` +
    `keyboard pick-up / move / drop ${steps.join(' / ')} ms (saved and shown in ${dragMs} ms), ` +
    `mouse drag of 14 pointer events ${mouseMs} ms`
  console.log(line)
  test.info().annotations.push({ type: 'measured', description: line })
})
