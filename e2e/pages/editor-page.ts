import { expect, type Locator, type Page } from '@playwright/test'

/** The note editor's toolbar and forms, found by role and accessible name. */
export class EditorPage {
  readonly toolbar: Locator
  readonly body: Locator

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    this.body = page.getByRole('textbox', { name: 'Note body', exact: true })
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true })
  }

  /** Opens the link or image form, types the address and applies it. */
  async fillUrlForm(kind: 'Link' | 'Image', address: string): Promise<void> {
    const form = this.page.getByRole('dialog', { name: kind })
    await expect(form).toBeVisible()
    await form.getByRole('textbox').fill(address)
    await form.getByRole('button', { name: 'Apply' }).click()
  }

  /** The stored note, straight from the core, so assertions see what reached the disk. */
  storedNote(title: string) {
    return this.page.evaluate(async (wanted) => {
      const summaries = await window.tickler.notes.list({})
      const summary = summaries.find((s) => s.title === wanted)
      return summary ? window.tickler.notes.get({ id: summary.id }) : null
    }, title)
  }
}
