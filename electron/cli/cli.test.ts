import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../core'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()


describe('tickler CLI', () => {
  it('adds a note and shows it back as JSON with its id on top', async () => {
    const dir = tempDir()
    const added = await cli('add', 'Call Kim about the quote\n견적 회신 확인', '--tag', 'sales', '--data-dir', dir, '--json', '--now', '2026-03-01T09:00:00+09:00')
    expect(added.code).toBe(0)
    const note = JSON.parse(added.out)
    expect(note).toMatchObject({ title: 'Call Kim about the quote', text: '견적 회신 확인', tags: ['sales'], createdAt: '2026-03-01T00:00:00.000Z' })
    const shown = await cli('show', note.id, '--data-dir', dir, '--json')
    expect(JSON.parse(shown.out)).toEqual(note)
    const listed = await cli('list', '--data-dir', dir, '--json')
    expect(JSON.parse(listed.out).map((n: { id: string }) => n.id)).toEqual([note.id])
  })

  it('uses --title and --notebook by name', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    await lib.createNotebook('Clients')
    await lib.close()
    const added = await cli('add', 'body text', '--title', 'T', '--notebook', 'clients', '--data-dir', dir)
    expect(added.code).toBe(0)
    expect(added.out).toMatch(/^Added [0-9a-f]{16} .* T$/)
    const missing = await cli('add', 'x', '--notebook', 'Nope', '--data-dir', dir)
    expect(missing).toMatchObject({ code: 1, err: 'tickler: There is no notebook named "Nope".' })
  })

  it('fails with a one-line reason and a non-zero code on bad use', async () => {
    const dir = tempDir()
    expect(await cli('frobnicate', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) })
    expect(await cli('show', 'nothere', '--data-dir', dir)).toMatchObject({ code: 1, err: 'tickler: There is no note with id nothere.' })
    expect(await cli('show', '../etc/passwd', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/^tickler: id: must be/) })
    expect(await cli('add', 'x', '--tag', 'has space', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/tags\.0: a tag has no spaces/) })
    expect(await cli('list', '--now', 'yesterday-ish', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/--now/) })
    expect(await cli('list', '--bogus')).toMatchObject({ code: 2 })
  })

  it('refuses to write while the app holds the library, but still reads', async () => {
    const dir = tempDir()
    const app = await openLibrary(dir, { holder: 'app' })
    await app.createNote({ title: 'open in app' })
    const write = await cli('add', 'from a script', '--data-dir', dir)
    expect(write.code).toBe(3)
    expect(write.err).toMatch(/^tickler: The library is in use by the Tickler app/)
    const read = await cli('list', '--data-dir', dir, '--json')
    expect(JSON.parse(read.out)).toHaveLength(1)
    await app.close()
  })

  it('runs as a real command with nothing but JSON on stdout', async () => {
    const dir = tempDir()
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'tickler', '--', 'add', 'hello', '--json', '--data-dir', dir], { cwd: process.cwd() })
    expect(JSON.parse(stdout).title).toBe('hello')
    expect(stderr).toBe('')
  })
})
