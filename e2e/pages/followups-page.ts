import { expect, type Locator, type Page } from '@playwright/test'
import type { FollowUpNotification } from '../../electron/core/index'
import type { Preview } from '../fixtures'

/**
 * The same format the app uses for follow-up times, computed in the page so zone, ICU and "this year"
 * agree: a time in another year than the page's clock says its year.
 */
export function formatInPage(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(navigator.language, {
        weekday: 'short',
        ...(new Date(at).getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(at)),
    iso,
  )
}

/** The follow-up bar of the open note and the Follow-ups view, found by role and accessible name. */
export class FollowUpsPage {
  readonly bar: Locator
  readonly form: Locator
  readonly phrase: Locator
  readonly view: Locator
  readonly navButton: Locator

  constructor(readonly page: Page) {
    this.bar = page.getByRole('region', { name: 'Follow-up', exact: true })
    this.form = this.bar.getByRole('form', { name: 'Choose when to follow up' })
    this.phrase = this.form.getByRole('textbox', { name: 'When to follow up' })
    this.view = page.getByRole('region', { name: 'Follow-ups', exact: true })
    this.navButton = page.getByRole('navigation').getByRole('button', { name: /^Follow-ups/ })
  }

  button(name: string): Locator {
    return this.bar.getByRole('button', { name, exact: true })
  }

  section(name: string): Locator {
    return this.view.getByRole('region', { name: new RegExp(`^${name} \\d+$`) })
  }

  async openView(): Promise<void> {
    await this.navButton.click()
    await expect(this.view).toBeVisible()
  }
}

/** The preview's test-only controls: move core's clock, read what would have been shown as notifications. */
export class TestControls {
  constructor(
    private readonly page: Page,
    private readonly preview: Preview,
  ) {}

  private url(path: string): string {
    return new URL(path, this.preview.url).toString()
  }

  async clock(body: { advanceMs: number } | { to: string }): Promise<Date> {
    const res = await this.page.request.post(this.url('/test/clock'), {
      headers: { 'x-tickler-token': this.preview.token },
      data: body,
    })
    expect(res.ok()).toBe(true)
    return new Date(((await res.json()) as { now: string }).now)
  }

  async notifications(): Promise<FollowUpNotification[]> {
    const res = await this.page.request.get(this.url('/test/notifications'), {
      headers: { 'x-tickler-token': this.preview.token },
    })
    expect(res.ok()).toBe(true)
    return ((await res.json()) as { notifications: FollowUpNotification[] }).notifications
  }
}
