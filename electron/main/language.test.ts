import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMainApp } from './testing/main-app'

/* The language chosen in Settings reaches the native menu and the tray, at once and after a restart. */
const app = useMainApp('tickler-language')
const call = (name: string, input: unknown) => app.call(name, input)

type Item = { label?: string; submenu?: Item[] }
const topLabels = () => (app.fake.record.appMenu as Item[]).map((i) => i.label).filter(Boolean)
const trayLabels = () => (app.fake.record.tray?.menu as Item[]).map((i) => i.label).filter(Boolean)

describe('the language setting in the app', () => {
  it('switches the native menu and the tray to Korean at once, tells the windows, and keeps it', async () => {
    await app.started()
    // The fake OS is English: "System" gives an English menu.
    expect(topLabels()).toContain('File')
    expect(await call('language.get', {})).toMatchObject({ ok: true, value: { language: 'system' } })

    expect(await call('language.set', { language: 'ko' })).toMatchObject({
      ok: true,
      value: { language: 'ko' },
    })
    expect(topLabels()).toContain('파일')
    expect(topLabels()).not.toContain('File')
    expect(trayLabels()).toContain('빠른 메모')
    expect(app.fake.record.sent).toContainEqual([
      'tickler:event',
      { event: 'language.changed', payload: { language: 'ko' } },
    ])
    const doc = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8')) as { language: string }
    expect(doc.language).toBe('ko')

    const refused = await call('language.set', { language: 'fr' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(topLabels()).toContain('파일')
  })
  it('starts with the menu and tray in the language saved earlier', async () => {
    const { openSettings } = await import('../core/settings')
    await mkdir(app.dataDir, { recursive: true })
    await (await openSettings(app.dataDir, false)).setLanguage('ko')
    await app.started()
    expect(topLabels()).toContain('파일')
    expect(trayLabels()).toContain('빠른 메모')
  })
})
