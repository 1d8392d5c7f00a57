import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from './menu'

describe('File > Import Markdown…', () => {
  const base = {
    platform: 'linux' as const,
    appName: 'Tickler',
    dev: false,
    helpUrl: 'https://e.com',
    openExternal: () => undefined,
    newNote: () => undefined,
  }
  const fileItems = (template: ReturnType<typeof buildMenuTemplate>) =>
    (template.find((m) => m.label === 'File')?.submenu as { label?: string; click?: () => void }[]).filter(
      (i) => i.label,
    )

  it('is offered in the File menu when main can import, and runs the import when chosen', () => {
    let calls = 0
    const items = fileItems(buildMenuTemplate({ ...base, importMarkdown: () => calls++ }))
    const item = items.find((i) => i.label === 'Import Markdown…')
    expect(item).toBeDefined()
    item?.click?.()
    expect(calls).toBe(1)
  })

  it('is absent when no import is wired', () => {
    expect(fileItems(buildMenuTemplate(base)).map((i) => i.label)).not.toContain('Import Markdown…')
  })
})
