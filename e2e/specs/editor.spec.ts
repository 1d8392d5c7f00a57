import { expect, test } from '../fixtures'

// A 1×1 PNG: an image the page may load without the network.
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk2Mr+HwAEhAJAxd8F8gAAAABJRU5ErkJggg=='

test.describe('the editor in the browser preview', () => {
  // Typing through the real editor key by key is slow on a loaded machine; the steps, not the clock, are under test.
  test.describe.configure({ timeout: 120_000 })

  test('a formatted note (heading, checklist, table, link, image) survives a reload', async ({
    page,
    notes,
    editor,
  }) => {
    await notes.startNote('Formatted')

    // Markdown-style input rules.
    await page.keyboard.type('# Agenda')
    await page.keyboard.press('Enter')
    await page.keyboard.type('[ ] Call Kim')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Send contract')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect(editor.body.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
    await expect(editor.body.getByRole('checkbox')).toHaveCount(2)
    await editor.body.getByRole('checkbox').first().check()

    // A link typed in the form; a refused address keeps the form open with a reason.
    await page.keyboard.type('Contract draft')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+k')
    await editor.fillUrlForm('Link', 'javascript:alert(1)')
    await expect(page.getByRole('alert')).toContainText('Only web')
    await editor.fillUrlForm('Link', 'example.com/contract')
    await expect(editor.body.getByRole('link', { name: 'Contract draft' })).toHaveAttribute(
      'href',
      'https://example.com/contract',
    )
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')

    // A table from the toolbar, grown by one row from the table buttons.
    await editor.tool('Insert table').click()
    await page.keyboard.type('Owner')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Due')
    await editor.tool('Add row below').click()
    await expect(editor.body.locator('tr')).toHaveCount(4)
    await page.keyboard.type('Lee')

    await editor.tool('Image').click()
    await editor.fillUrlForm('Image', PIXEL)
    await expect(editor.body.locator('img')).toHaveAttribute('src', PIXEL)

    await notes.expectSaved()
    await page.reload()
    await notes.openNote('Formatted')
    await expect(editor.body.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
    await expect(editor.body.getByRole('checkbox').first()).toBeChecked()
    await expect(editor.body.getByRole('checkbox').nth(1)).not.toBeChecked()
    await expect(editor.body.getByRole('link', { name: 'Contract draft' })).toHaveAttribute(
      'href',
      'https://example.com/contract',
    )
    await expect(editor.body.locator('th').first()).toHaveText('Owner')
    await expect(editor.body.locator('tr')).toHaveCount(4)
    await expect(editor.body.getByText('Lee')).toBeVisible()
    await expect(editor.body.locator('img')).toHaveAttribute('src', PIXEL)

    const stored = await editor.storedNote('Formatted')
    expect(stored?.text).toContain('Call Kim')
    expect(stored?.text).toContain('Owner\tDue')
    expect(JSON.stringify(stored?.doc)).not.toContain('javascript:')
  })

  test('the toolbar is one Tab stop, arrow keys move inside it, and tooltips teach shortcuts', async ({
    page,
    notes,
    editor,
  }) => {
    await notes.startNote('Keyboard')
    await page.keyboard.type('word')
    await expect(editor.tool('Bold')).toHaveAttribute('title', 'Bold (Ctrl+B)')
    await expect(editor.toolbar.locator('button[tabindex="0"]')).toHaveCount(1)

    await editor.tool('Undo').focus()
    await page.keyboard.press('ArrowRight')
    // Redo is disabled (nothing undone), so focus skips to Heading 1.
    await expect(editor.tool('Heading 1')).toBeFocused()
    await page.keyboard.press('End')
    await expect(editor.tool('Insert table')).toBeFocused()
    await page.keyboard.press('Home')
    await expect(editor.tool('Undo')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(editor.body).toHaveText('')
  })
})
