import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSystemFolder, systemFolderProblem } from './system-folders'
import { useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()

describe('isSystemFolder', () => {
  it.each(['/', '/etc', '/etc/', '/etc/cron.d', '/usr/local/bin', '/var/lib', '/boot', '/System/Library', '/private/etc'])(
    '%s is a system folder',
    (path) => expect(isSystemFolder(path, 'linux')).toBe(true),
  )
  it.each(['/home/kim/Dropbox', '/tmp/x', '/var/tmp/feed', '/private/var/folders/ab/T', '/Users/kim/iCloud', '/etcetera', '/root/cal'])(
    '%s is not',
    (path) => expect(isSystemFolder(path, 'darwin')).toBe(false),
  )
  it.each([
    ['C:\\', true],
    ['C:\\Windows\\System32', true],
    ['c:\\program files\\App', true],
    ['C:\\Program Files (x86)', true],
    ['D:\\ProgramData\\x', true],
    ['C:\\Users\\kim\\OneDrive', false],
    ['C:\\Windowsless', false],
  ])('on Windows, %s → %s', (path, system) => expect(isSystemFolder(path, 'win32')).toBe(system))
})

describe('systemFolderProblem', () => {
  it('follows links, and judges a folder not made yet by the folder it would be in', async () => {
    const mine = tempDir()
    expect(await systemFolderProblem(mine)).toBeNull()
    expect(await systemFolderProblem(join(mine, 'not', 'yet'))).toBeNull()
    const link = join(mine, 'calendar')
    symlinkSync('/usr', link)
    expect(await systemFolderProblem(link)).toBe(`${link} is a system folder; Tickler writes its files only into your own folders`)
    expect(await systemFolderProblem(join(link, 'new-folder'))).toMatch(/is a system folder/)
    expect(await systemFolderProblem('/etc/new-folder')).toMatch(/is a system folder/)
    mkdirSync(join(mine, 'etc'))
    expect(await systemFolderProblem(join(mine, 'etc'))).toBeNull()
  })
})
