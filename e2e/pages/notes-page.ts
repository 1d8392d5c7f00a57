import { expect, type Locator, type Page } from '@playwright/test'

/** The notes screen as a person sees it: found by role and accessible name only. */
export class NotesPage {
  readonly newNoteButton: Locator
  readonly title: Locator
  readonly body: Locator
  readonly saveStatus: Locator
  readonly noteList: Locator

  constructor(readonly page: Page) {
    this.newNoteButton = page.getByRole('button', { name: 'New note', exact: true })
    this.title = page.getByRole('textbox', { name: 'Title', exact: true })
    this.body = page.getByRole('textbox', { name: 'Note body', exact: true })
    this.saveStatus = page.getByRole('status').filter({ hasText: /\S/ })
    this.noteList = page.getByRole('listbox', { name: 'Notes' })
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.newNoteButton).toBeVisible()
  }

  /**
   * Waits for the new note itself: its empty title has the focus. The title box of the note open before
   * is visible all along, so waiting for "a title" let the next fill land in that note while the new
   * one was still being created (the never-lose spec lost "Alpha" that way on a slow machine).
   */
  async createNote(): Promise<void> {
    await this.newNoteButton.click()
    await expect(this.title).toBeFocused()
    await expect(this.title).toHaveValue('')
  }

  /** A new note with this title, the caret in its empty body, ready to type into. */
  async startNote(title: string): Promise<void> {
    await this.createNote()
    await this.title.fill(title)
    await this.body.click()
  }

  /** A new note with only this title, once it is saved. */
  async createSavedNote(title: string): Promise<void> {
    await this.createNote()
    await this.title.fill(title)
    await this.expectSaved()
  }

  noteInList(title: string): Locator {
    return this.noteList.getByRole('option').filter({ hasText: title })
  }

  async openNote(title: string): Promise<void> {
    await this.noteInList(title).click()
    await expect(this.title).toHaveValue(title)
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved', { timeout: 10_000 })
  }

  /** Counts composition events on the document from now on, to prove the IME path was really used. */
  async recordCompositions(): Promise<() => Promise<{ start: number; end: number }>> {
    await this.page.evaluate(() => {
      const counts = { start: 0, end: 0 }
      ;(window as unknown as { __compositions: typeof counts }).__compositions = counts
      document.addEventListener('compositionstart', () => counts.start++, true)
      document.addEventListener('compositionend', () => counts.end++, true)
    })
    return () =>
      this.page.evaluate(
        () => (window as unknown as { __compositions: { start: number; end: number } }).__compositions,
      )
  }
}
