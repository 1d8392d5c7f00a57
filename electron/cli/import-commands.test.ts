import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { OWN_FIXTURES } from '../core/import/test-support'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()


describe('tickler import / export', () => {
  it('imports an ENEX and a Trello board, refuses a repeat, then exports everything as Markdown with front matter', async () => {
    const dir = tempDir()
    const lib = join(dir, 'lib')
    const enex = await cli('import', join(OWN_FIXTURES, 'full.enex'), '--notebook', 'Evernote', '--data-dir', lib)
    expect(enex.out).toMatch(/^Imported 2 notes from full.enex into "Evernote"/)
    const again = await cli('import', join(OWN_FIXTURES, 'full.enex'), '--data-dir', lib, '--json')
    expect(JSON.parse(again.out)).toMatchObject({ status: 'already-imported', imported: 0 })
    const board = await cli('import', join(OWN_FIXTURES, 'board.json'), '--data-dir', lib, '--json')
    expect(JSON.parse(board.out)).toMatchObject({ status: 'done', imported: 4, board: { name: '이사 준비 Moving' } })

    const out = join(dir, 'out')
    const exported = await cli('export', '--markdown', out, '--data-dir', lib)
    expect(exported.out).toMatch(/^Exported 6 notes in 2 notebooks \(2 attachments\)/)
    expect(readdirSync(out).sort()).toEqual(['Evernote', 'board'])
    expect(readdirSync(join(out, 'Evernote', 'attachments'))).toHaveLength(2)
    const md = readFileSync(join(out, 'Evernote', '회의록 — 분기 계획.md'), 'utf8')
    expect(md).toMatch(/^---\ntitle: "회의록 — 분기 계획"\nnotebook: "Evernote"\ntags: \["업무", "Project-X-phase-2"\]\n/)
    expect(md).toContain('\nfollow-up: "2024-01-05T01:00:00.000Z"\n')
    expect(md).toContain('- [x] 예산 확정')
    expect(md).toMatch(/\]\(attachments\/[0-9a-f]{64}\.png\)/)
    const done = readFileSync(join(out, 'Evernote', 'Done reminder.md'), 'utf8')
    expect(done).toContain('done: "2023-03-11T12:00:00.000Z"')

    const refused = await cli('export', '--markdown', out, '--data-dir', lib)
    expect([refused.code, refused.err]).toEqual([1, 'tickler: Export into an empty folder; this one already has files in it.'])
  })

  it('a broken file exits 1 with the place; --rollback leaves nothing behind', async () => {
    const dir = tempDir()
    const full = readFileSync(join(OWN_FIXTURES, 'full.enex'), 'utf8')
    const cut = join(dir, 'cut.enex')
    writeFileSync(cut, full.slice(0, full.indexOf('Call the landlord')))
    const r = await cli('import', cut, '--rollback', '--data-dir', join(dir, 'lib'))
    expect(r.out).toMatch(/Stopped after 0 notes[\s\S]*error at line \d+, column \d+: [\s\S]*rolled back 1 notes/)
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
  })
})
