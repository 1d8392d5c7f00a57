import { expect, type Locator, type Page } from '@playwright/test'

/** The sidebar, list and note-view controls for organising notes, by role and accessible name. */
export class OrganizePage {
  readonly sidebar: Locator
  readonly list: Locator

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Library' })
    this.list = page.getByRole('listbox', { name: 'Notes' })
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.page.getByRole('button', { name: 'New note', exact: true })).toBeVisible()
  }

  /** Seeds notes through the real contract; the UI under test is what happens next. */
  async seed(notes: { title: string; tags?: string[]; notebookId?: string }[]): Promise<string[]> {
    const ids = await this.page.evaluate(async (list) => {
      const made: string[] = []
      for (const n of list) made.push((await window.tickler.notes.create(n)).id)
      return made
    }, notes)
    // Change events sent before the page's event stream connected are not replayed: start from disk.
    await this.reload()
    return ids
  }

  async reload(): Promise<void> {
    await this.page.reload()
    await expect(this.page.getByRole('button', { name: 'New note', exact: true })).toBeVisible()
  }

  /** Creates notebooks through the contract (the Add notebook form has its own tests). */
  async seedNotebooks(names: string[]): Promise<Record<string, string>> {
    const made = await this.page.evaluate(async (list) => {
      const out: Record<string, string> = {}
      for (const name of list) out[name] = (await window.tickler.notebooks.create({ name })).id
      return out
    }, names)
    await this.reload()
    return made
  }

  nav(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')
    return this.sidebar.getByRole('button', { name: new RegExp(`^${escaped} \\d+ notes?$`) })
  }

  async expectCount(label: string, count: number): Promise<void> {
    await expect(this.nav(label).locator('.nav-count')).toHaveText(String(count))
  }

  row(title: string): Locator {
    return this.list.getByRole('option').filter({ hasText: title })
  }

  async createNotebook(name: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'Add notebook' }).click()
    await this.sidebar.getByRole('textbox', { name: 'Notebook name' }).fill(name)
    await this.sidebar.getByRole('button', { name: 'Create' }).click()
    await expect(this.nav(name)).toBeVisible()
  }
}
