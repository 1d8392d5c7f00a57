import type { Locator, Page } from '@playwright/test'
import type { Preview } from '../fixtures'

/** The quick-capture route of the renderer, as the capture window loads it (?view=capture). */
export class CapturePage {
  readonly field: Locator
  readonly followUp: Locator
  readonly status: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.field = page.getByRole('textbox', { name: /What do you want to capture|무엇을 적어 둘까요/ })
    this.followUp = page.locator('.capture-followup')
    this.status = page.getByRole('status')
    this.save = page.getByRole('button', { name: /^(Save|저장)$/ })
  }

  async open(preview: Preview, query = '') {
    const url = new URL(preview.url)
    url.searchParams.set('view', 'capture')
    for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v)
    await this.page.goto(url.href)
    await this.field.waitFor()
  }

  /** Every note the real core holds, read back through window.tickler. */
  notes() {
    return this.page.evaluate(async () => {
      const list = await window.tickler.notes.list({})
      return Promise.all(list.map((n) => window.tickler.notes.get({ id: n.id })))
    })
  }
}
