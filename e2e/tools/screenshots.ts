/**
 * `npx tsx e2e/tools/screenshots.ts [out-dir]`: the three-pane window with a richly formatted note and the
 * Follow-ups view and the search palette, in
 * light and dark, English and Korean, against a throw-away preview server. For looking at, not asserting.
 */
import { mkdtemp, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { startPreviewProcess } from './preview-process'
import { RICH_EN, RICH_KO } from '../pages/sample-notes'
import { looks } from './looks'

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots')
const dataDir = await mkdtemp(join(tmpdir(), 'tickler-shots-'))
await mkdir(outDir, { recursive: true })

const server = await startPreviewProcess(dataDir)
const url = server.url

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(url)
  await page.evaluate(
    async ([en, ko]) => {
      const api = window.tickler
      const work = await api.notebooks.create({ name: 'Work' })
      await api.notebooks.create({ name: '개인' })
      await api.notes.create({ notebookId: work.id, title: 'Weekly plan', doc: { type: 'doc' } })
      await api.notes.create({ notebookId: work.id, title: '회의록 — 디자인 리뷰', doc: { type: 'doc' } })
      await api.notes.create({ notebookId: work.id, ...ko })
      const rich = await api.notes.create({ notebookId: work.id, ...en })
      const call = await api.notes.create({ notebookId: work.id, title: 'Call Acme about the renewal' })
      const quote = await api.notes.create({ notebookId: work.id, title: '견적서 회신 — 김 과장' })
      await api.followups.set({
        id: rich.id,
        phrase: 'tomorrow 9am',
        waitingOn: 'Dana',
        standard: 'sales-lead',
      })
      await api.followups.set({ id: call.id, phrase: 'in 2 hours', standard: '48-hour-reply' })
      await api.followups.set({ id: quote.id, phrase: '다음 주 월요일', waitingOn: '김 과장' })
      await api.search.save({ name: 'Quotes to chase', query: '견적 has:followup' })
    },
    [RICH_EN, RICH_KO] as const,
  )
  for (const { lang, theme, url: look } of looks(url)) {
    await page.goto(look)
    await page
      .getByRole('button', { name: /^(All notes|모든 노트)/ })
      .first()
      .click()
    const title = lang === 'en' ? RICH_EN.title : RICH_KO.title
    await page.getByRole('option').filter({ hasText: title }).first().click()
    // Caret in the checklist, so the toolbar shows live state and the note starts at its title.
    await page
      .getByRole('textbox', { name: /Note body|노트 본문/ })
      .getByText(/renewal|갱신/)
      .click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `three-pane-${lang}-${theme}.png`) })

    // The Follow-ups view, with one row's actions showing as they do under the pointer or keyboard focus.
    await page
      .getByRole('button', { name: /^(Follow-ups|후속 조치)/ })
      .first()
      .click()
    await page
      .getByRole('button', { name: /^(Call Acme|견적서)/ })
      .first()
      .focus()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `followups-${lang}-${theme}.png`) })

    // The search palette, run from the saved search in the sidebar.
    await page.getByRole('button', { name: 'Quotes to chase', exact: true }).click()
    await page.getByRole('listbox').first().waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `search-${lang}-${theme}.png`) })
    await page.keyboard.press('Escape')
  }
} finally {
  await browser.close()
  server.stop()
}
console.log(`Screenshots in ${outDir}`)
