import { expect, type Locator, type Page } from '@playwright/test'
import type { Board } from '../../electron/shared/board'
import type { Note } from '../../electron/shared/model'
import { dispatch } from '../../electron/shared/rpc'
import type { Preview } from '../fixtures'

/** Calls core directly (seeding and checking what was saved), through the same dispatch the page uses. */
export function coreCall(preview: Preview) {
  return async <T>(name: string, input: unknown): Promise<T> => {
    const envelope = await dispatch(preview.backend.handlers, name, input)
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as T
  }
}

export type { Board, Note }

/** The board screen, found by role and accessible name only. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.page.getByRole('button', { name: 'New note', exact: true })).toBeVisible()
  }

  async createBoard(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add board' }).click()
    await this.page.getByRole('textbox', { name: 'Board name' }).fill(name)
    await this.page.keyboard.press('Enter')
    await expect(this.heading).toHaveText(name)
  }

  async openBoard(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
    await expect(this.heading).toHaveText(name)
  }

  get heading(): Locator {
    return this.page.locator('.board-title')
  }

  column(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true })
  }

  cards(column: string): Locator {
    return this.column(column).getByRole('list').getByRole('button', { name: /^Open card / })
  }

  async titles(column: string): Promise<string[]> {
    return (await this.cards(column).allTextContents()).map((s) => s.trim())
  }

  card(title: string): Locator {
    return this.page.getByRole('button', { name: `Open card ${title}`, exact: true })
  }

  handle(title: string): Locator {
    return this.page.getByRole('button', { name: `Move card ${title}`, exact: true })
  }

  async addCards(column: string, titles: string[]): Promise<void> {
    await this.column(column).getByRole('button', { name: `Add a card – ${column}` }).click()
    const field = this.page.getByRole('textbox', { name: `Title of the new card in ${column}` })
    for (const title of titles) {
      await field.fill(title)
      await field.press('Enter')
      await expect(this.card(title)).toBeVisible()
    }
    await field.press('Escape')
  }

  async addColumn(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add column' }).click()
    await this.page.getByRole('textbox', { name: 'Column name' }).fill(name)
    await this.page.keyboard.press('Enter')
    await expect(this.column(name)).toBeVisible()
  }

  /** A real pointer drag in small steps, as a person's mouse moves (dnd-kit waits for 5 px of travel). */
  async dragWithMouse(title: string, target: Locator, where: 'top' | 'center' = 'center'): Promise<void> {
    const from = await this.card(title).boundingBox()
    const to = await target.boundingBox()
    if (!from || !to) throw new Error('card or target not laid out')
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await this.page.mouse.down()
    const x = to.x + to.width / 2
    const y = where === 'top' ? to.y + 4 : to.y + to.height / 2
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(from.x + ((x - from.x) * i) / 12, from.y + ((y - from.y) * i) / 12)
    }
    await this.page.mouse.move(x, y)
    await this.page.mouse.up()
  }

  /** Space picks up, arrows move, Space drops: the dnd-kit keyboard sensor. */
  /**
   * Picks a card up with Space, moves it with the keys and drops it with Space, waiting — as a screen-reader
   * user does — for each announcement before the next key, so a busy machine cannot reorder the steps.
   */
  async dragWithKeyboard(title: string, keys: string[]): Promise<void> {
    const live = this.page.locator('[id^="DndLiveRegion"]')
    await this.handle(title).focus()
    await this.page.keyboard.press('Space')
    await expect(live).toContainText(`Picked up card ${title}`)
    for (const key of keys) {
      const before = (await live.textContent()) ?? ''
      await this.page.keyboard.press(key)
      await expect(live).not.toHaveText(before)
    }
    await this.page.keyboard.press('Space')
  }
}
