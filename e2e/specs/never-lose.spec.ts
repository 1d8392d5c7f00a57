import { expect, test } from '../fixtures'

test.describe('never lose an edit', () => {
  test.describe.configure({ timeout: 120_000 })

  test('switching notes quickly while typing keeps each note its own text (Joplin #11721)', async ({
    page,
    notes,
    editor,
  }) => {
    for (const title of ['Alpha', 'Bravo']) {
      await notes.createNote()
      await notes.title.fill(title)
    }
    const rounds = 6
    for (let i = 0; i < rounds; i++) {
      for (const [title, word] of [
        ['Alpha', 'alpha'],
        ['Bravo', 'bravo'],
      ] as const) {
        await notes.noteInList(title).click()
        await expect(notes.title).toHaveValue(title)
        await editor.body.click()
        await page.keyboard.press('Control+End')
        // No wait for "Saved": the next switch comes while this save is still pending.
        await page.keyboard.type(`${word}${i} `)
      }
    }
    const expected = (word: string) => Array.from({ length: rounds }, (_, i) => `${word}${i}`).join(' ')
    await notes.expectSaved()
    await expect
      .poll(async () => (await editor.storedNote('Alpha'))?.text, { timeout: 15_000 })
      .toBe(expected('alpha'))
    expect((await editor.storedNote('Bravo'))?.text).toBe(expected('bravo'))

    await page.reload()
    await notes.openNote('Alpha')
    await expect(editor.body).toHaveText(expected('alpha'))
    await notes.openNote('Bravo')
    await expect(editor.body).toHaveText(expected('bravo'))
  })

  test('a new note made while the core answers slowly gets its own title; the note before keeps its own', async ({
    page,
    notes,
  }) => {
    // A busy disk: creating a note takes a while, and the note before stays on screen meanwhile.
    await page.route('**/api/notes.create', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800))
      await route.continue()
    })
    for (const title of ['Alpha', 'Bravo']) {
      await notes.createNote()
      await notes.title.fill(title)
    }
    const titles = () =>
      page.evaluate(async () => (await window.tickler.notes.list({})).map((n) => n.title).sort())
    // Polled: the second title is still on its way to the disk.
    await expect.poll(titles, { timeout: 10_000 }).toEqual(['Alpha', 'Bravo'])
  })

  test('reloading right after typing keeps the last keystrokes', async ({ page, notes, editor }) => {
    await notes.createSavedNote('Reload')
    await editor.body.click()
    await page.keyboard.type('typed just before reload')
    // Well inside the autosave delay: only the unload flush can save this.
    await page.reload()
    await notes.openNote('Reload')
    await expect(editor.body).toHaveText('typed just before reload')
  })
})
