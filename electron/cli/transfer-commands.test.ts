import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../core'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()


describe('tickler import / export (Markdown)', () => {
  it('imports a folder of Markdown with a picture into a notebook and exports that notebook back', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    await lib.createNotebook('Trips')
    await lib.close()
    const source = join(tempDir(), 'notes')
    mkdirSync(join(source, 'img'), { recursive: true })
    writeFileSync(
      join(source, 'seoul.md'),
      '# 서울 여행\n\n- [ ] 여권\n- [x] tickets\n\n![map](img/map.png)\n',
    )
    writeFileSync(join(source, 'img', 'map.png'), Buffer.from('89504e470d0a1a0a', 'hex'))

    const imported = await cli('import', source, '--notebook', 'trips', '--data-dir', dir)
    expect(imported).toMatchObject({ code: 0, out: `Imported 1 notes (1 attachments) from ${source}` })

    const out = tempDir()
    const exported = await cli('export', '--markdown', out, '--notebook', 'Trips', '--data-dir', dir)
    expect(exported.code).toBe(0)
    expect(readdirSync(join(out, 'Trips')).sort()).toEqual(['attachments', '서울 여행.md'])
    const md = readFileSync(join(out, 'Trips', '서울 여행.md'), 'utf8')
    expect(md).toMatch(
      /^---\ntitle: "서울 여행"\nnotebook: "Trips"\ntags: \[\]\ncreated: "[^"]+"\nupdated: "[^"]+"\n---\n# 서울 여행\n\n- \[ \] 여권\n- \[x\] tickets\n\n!\[map\]\(attachments\/[0-9a-f]{64}\.png\)\n$/,
    )
  })

  it.each([[[]], [['--notebook', 'Inbox']]])('refuses to export into a system folder (%j)', async (notebook: string[]) => {
    const result = await cli('export', '--markdown', '/etc/tickler-export', ...notebook, '--data-dir', tempDir())
    expect(result).toMatchObject({
      code: 1,
      err: 'tickler: Not exported: /etc/tickler-export is a system folder; Tickler writes its files only into your own folders.',
    })
    expect(existsSync('/etc/tickler-export')).toBe(false)
  })

  it('says what is wrong with a missing notebook or an import without Markdown, and changes nothing', async () => {
    const dir = tempDir()
    const file = join(tempDir(), 'a.md')
    writeFileSync(file, 'text')
    expect(await cli('import', file, '--notebook', 'Nope', '--data-dir', dir)).toMatchObject({
      code: 1,
      err: 'tickler: There is no notebook named "Nope".',
    })
    const empty = join(tempDir(), 'empty')
    mkdirSync(empty)
    writeFileSync(join(empty, 'x.txt'), 'x')
    expect(await cli('import', empty, '--data-dir', dir)).toMatchObject({
      code: 1,
      err: 'tickler: There is no Markdown file (.md) to import.',
    })
    const lib = await openLibrary(dir, { readOnly: true })
    expect(lib.listNotes()).toEqual([])
    await lib.close()
  })
})
