import { expect, test } from '../fixtures'

/** A small Trello export with the label colours people see there. */
const board = {
  id: 'b1',
  name: 'Renewals 갱신',
  lists: [{ id: 'l1', name: 'To do', closed: false, pos: 1 }],
  labels: [
    { id: 'r', name: '긴급 urgent', color: 'red' },
    { id: 'g', name: 'won', color: 'green' },
    { id: 'o', name: 'waiting', color: 'orange' },
    { id: 'p', name: 'later', color: 'purple_dark' },
  ],
  cards: [
    {
      id: 'c1',
      name: 'Acme renewal',
      desc: '',
      idList: 'l1',
      closed: false,
      pos: 1,
      idLabels: ['r', 'g', 'o', 'p'],
    },
  ],
  checklists: [],
  actions: [],
}

/** The hue (0–360) of a CSS rgb() colour, to say "this is red" without pinning exact shades. */
function hueOf(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255) as [number, number, number]
  const max = Math.max(r, g, b)
  const d = max - Math.min(r, g, b)
  if (d === 0) return 0
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}

const near = (hue: number, target: number) =>
  Math.min(Math.abs(hue - target), 360 - Math.abs(hue - target)) < 20

test('a Trello board appears in the sidebar as soon as it is imported, its labels in their Trello colours', async ({
  app: page,
}) => {
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Import Evernote or Trello…' }).click()
  await (
    await choosing
  ).setFiles({
    name: 'renewals.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(board)),
  })
  // No reload: the sidebar's board list is told about the new board.
  const entry = page.getByRole('navigation').getByRole('button', { name: 'Renewals 갱신', exact: true })
  await expect(entry).toBeVisible()
  await entry.click()
  const labels = page.getByRole('region', { name: 'To do', exact: true }).getByRole('list', { name: 'Tags' })
  await expect(labels.getByRole('listitem')).toHaveText(['긴급-urgent', 'won', 'waiting', 'later'])
  const hues: Record<string, number> = {}
  for (const [tag, want] of [
    ['긴급-urgent', 0],
    ['won', 135],
    ['waiting', 28],
    ['later', 272],
  ] as const) {
    const color = await labels
      .getByText(tag, { exact: true })
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    hues[tag] = hueOf(color)
    expect(near(hues[tag], want), `${tag} is ${color} (hue ${Math.round(hues[tag])}), not near ${want}`).toBe(
      true,
    )
  }
  await page.screenshot({ path: test.info().outputPath('trello-labels.png') })
})
