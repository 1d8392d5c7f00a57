import type { CDPSession, Page } from '@playwright/test'

/**
 * Types Korean the way an IME does, through Chromium's own IME path (CDP Input.imeSetComposition),
 * so the page sees real compositionstart/update/end events: each syllable is composed jamo by jamo
 * (e.g. ㅎ → 하 → 한) and then committed, exactly as a 2-set Korean keyboard produces it.
 */
export class KoreanIme {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<KoreanIme> {
    return new KoreanIme(await page.context().newCDPSession(page))
  }

  /** One syllable: its intermediate compositions, the last of which is committed. */
  async composeSyllable(steps: readonly string[]): Promise<void> {
    for (const text of steps) {
      await this.cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      })
    }
    await this.cdp.send('Input.insertText', { text: steps.at(-1) ?? '' })
  }

  /** Composes a syllable and leaves it uncommitted, as when the next key arrives mid-syllable. */
  async startSyllable(steps: readonly string[]): Promise<void> {
    for (const text of steps) {
      await this.cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      })
    }
  }

  /** The IME commits what is being composed (it does this on Enter, Tab, Space or a click). */
  async commit(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text })
  }

  async compose(syllables: readonly (readonly string[])[]): Promise<void> {
    for (const steps of syllables) await this.composeSyllable(steps)
  }
}

/** 한글, as typed on a Korean keyboard. */
export const HANGUL: readonly (readonly string[])[] = [
  ['ㅎ', '하', '한'],
  ['ㄱ', '그', '글'],
]
