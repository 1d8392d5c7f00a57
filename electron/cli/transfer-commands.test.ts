import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../core'
import { useTempDirs } from '../core/test-support/temp-dir'
import { OWN_FIXTURES } from '../core/transfer/import/test-support'
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

  it.each([[[]], [['--notebook', 'Inbox']]])(
    'refuses to export into a system folder (%j)',
    async (notebook: string[]) => {
      const result = await cli(
        'export',
        '--markdown',
        '/etc/tickler-export',
        ...notebook,
        '--data-dir',
        tempDir(),
      )
      expect(result).toMatchObject({
        code: 1,
        err: 'tickler: Not exported: /etc/tickler-export is a system folder; Tickler writes its files only into your own folders.',
      })
      expect(existsSync('/etc/tickler-export')).toBe(false)
    },
  )

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

describe('tickler import / export', () => {
  it('imports an ENEX and a Trello board, refuses a repeat, then exports everything as Markdown with front matter', async () => {
    const dir = tempDir()
    const lib = join(dir, 'lib')
    const enex = await cli(
      'import',
      join(OWN_FIXTURES, 'full.enex'),
      '--notebook',
      'Evernote',
      '--data-dir',
      lib,
    )
    expect(enex.out).toMatch(/^Imported 2 notes from full.enex into "Evernote"/)
    const again = await cli('import', join(OWN_FIXTURES, 'full.enex'), '--data-dir', lib, '--json')
    expect(JSON.parse(again.out)).toMatchObject({ status: 'already-imported', imported: 0 })
    const board = await cli('import', join(OWN_FIXTURES, 'board.json'), '--data-dir', lib, '--json')
    expect(JSON.parse(board.out)).toMatchObject({
      status: 'done',
      imported: 4,
      board: { name: '이사 준비 Moving' },
    })

    const out = join(dir, 'out')
    const exported = await cli('export', '--markdown', out, '--data-dir', lib)
    expect(exported.out).toMatch(/^Exported 6 notes in 2 notebooks \(2 attachments\)/)
    expect(readdirSync(out).sort()).toEqual(['Evernote', 'board'])
    expect(readdirSync(join(out, 'Evernote', 'attachments'))).toHaveLength(2)
    const md = readFileSync(join(out, 'Evernote', '회의록 — 분기 계획.md'), 'utf8')
    expect(md).toMatch(
      /^---\ntitle: "회의록 — 분기 계획"\nnotebook: "Evernote"\ntags: \["업무", "Project-X-phase-2"\]\n/,
    )
    expect(md).toContain('\nfollow-up: "2024-01-05T01:00:00.000Z"\n')
    expect(md).toContain('- [x] 예산 확정')
    expect(md).toMatch(/\]\(attachments\/[0-9a-f]{64}\.png\)/)
    const done = readFileSync(join(out, 'Evernote', 'Done reminder.md'), 'utf8')
    expect(done).toContain('done: "2023-03-11T12:00:00.000Z"')

    const refused = await cli('export', '--markdown', out, '--data-dir', lib)
    expect([refused.code, refused.err]).toEqual([
      1,
      'tickler: Export into an empty folder; this one already has files in it.',
    ])
  })

  it('a broken file exits 1 with the place; --rollback leaves nothing behind', async () => {
    const dir = tempDir()
    const full = readFileSync(join(OWN_FIXTURES, 'full.enex'), 'utf8')
    const cut = join(dir, 'cut.enex')
    writeFileSync(cut, full.slice(0, full.indexOf('Call the landlord')))
    const r = await cli('import', cut, '--rollback', '--data-dir', join(dir, 'lib'))
    expect(r.out).toMatch(
      /Stopped after 0 notes[\s\S]*error at line \d+, column \d+: [\s\S]*rolled back 1 notes/,
    )
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
  })
})
