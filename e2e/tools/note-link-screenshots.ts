/**
 * `npx tsx e2e/tools/note-link-screenshots.ts [out-dir]`: links between notes — the `[[` popup open over
 * English and Korean notes, a note holding links (one to a deleted note), and the target's "Linked from"
 * list — in light and dark, English and Korean, against a throw-away preview server. For looking at, not
 * asserting.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { ensureRendererBuilt } from '../preview/build-renderer'
import { createPreviewServer } from '../preview/preview-server'
import { looks } from './looks'

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots')
await mkdir(outDir, { recursive: true })
await ensureRendererBuilt()
const dataDir = await mkdtemp(join(tmpdir(), 'tickler-link-shots-'))
const preview = await createPreviewServer({ dataDir, port: 0 })
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })

/** Opens a note from the list by its title, and waits until its title box holds it. */
async function openNote(page: Page, title: string) {
  // By the title itself: another note's snippet can hold this title as a link's words.
  await page
    .getByRole('option')
    .filter({ has: page.getByText(title, { exact: true }) })
    .first()
    .click()
  const box = page.getByRole('textbox', { name: /^(Title|제목)$/ })
  for (let tries = 0; (await box.inputValue()) !== title; tries++) {
    if (tries > 100) throw new Error(`"${title}" did not open`)
    await page.waitForTimeout(50)
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(preview.url)
  // Documents are built here, not inside evaluate: tsx names the helper functions it compiles, and those
  // names do not exist in the page.
  const create = (note: { title: string; doc?: object }) =>
    page.evaluate((input) => window.tickler.notes.create(input as never), note)
  const text = (t: string) => ({ type: 'text', text: t })
  const link = (n: { id: string; title: string }, label: string | null = null) => ({
    type: 'noteLink',
    attrs: { id: n.id, title: n.title, label },
  })
  const para = (...content: object[]) => ({ type: 'paragraph', content })
  const kickoff = await create({ title: 'Kickoff agenda' })
  const quote = await create({ title: '견적 요청 — 한빛' })
  const minutes = await create({ title: '주간 회의록' })
  // A link whose note is gone: an id no note has.
  const gone = { id: 'deleted-note', title: 'Old budget' }
  await create({ title: 'Draft' })
  await create({
    title: 'Plan',
    doc: {
      type: 'doc',
      content: [
        para(text('Start from '), link(kickoff), text(', then answer '), link(quote), text('.')),
        para(
          text('Decisions are in '),
          link(minutes, '지난주 회의'),
          text('; the figures were in '),
          link(gone),
          text('.'),
        ),
      ],
    },
  })
  await create({
    title: '프로젝트 개요',
    doc: { type: 'doc', content: [para(text('안건: '), link(kickoff), text(' 참고.'))] },
  })
  for (const { lang, theme, url: look } of looks(preview.url)) {
    await page.goto(look)

    await openNote(page, 'Draft')
    const body = page.getByRole('textbox', { name: /^(Note body|노트 본문)$/ })
    await body.click()
    await page.keyboard.press('End')
    await page.keyboard.type('Ask about [[')
    await page.getByRole('listbox', { name: /^(Notes to link to|링크할 노트)$/ }).waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `note-link-popup-${lang}-${theme}.png`) })
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')
    // Near the bottom of the window: the popup has to open above the caret instead of being cut off.
    for (let line = 0; line < 16; line++) await page.keyboard.press('Enter')
    await page.keyboard.type('Low [[')
    await page.getByRole('listbox', { name: /^(Notes to link to|링크할 노트)$/ }).waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `note-link-popup-low-${lang}-${theme}.png`) })
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')

    await openNote(page, 'Plan')
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `note-link-links-${lang}-${theme}.png`) })

    await openNote(page, 'Kickoff agenda')
    await page.getByRole('region', { name: /Linked from|이 노트를 링크한 노트/ }).waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `note-link-linked-from-${lang}-${theme}.png`) })
  }
} finally {
  await browser.close()
  await preview.close()
  await rm(dataDir, { recursive: true, force: true })
}
console.log(`Screenshots in ${outDir}`)
