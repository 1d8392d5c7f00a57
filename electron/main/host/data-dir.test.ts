import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from './data-dir'

const userData = resolve('/home/u/.config/Tickler')
const cwd = resolve('/work')

describe('resolveDataDir', () => {
  it('defaults to a library folder inside userData', () => {
    expect(resolveDataDir({ env: {}, argv: ['electron', '.'], userData, cwd })).toBe(
      join(userData, 'library'),
    )
  })

  it('uses TICKLER_DATA_DIR, resolved against the working directory', () => {
    expect(resolveDataDir({ env: { TICKLER_DATA_DIR: 'notes' }, argv: [], userData, cwd })).toBe(
      join(cwd, 'notes'),
    )
    expect(resolveDataDir({ env: { TICKLER_DATA_DIR: '   ' }, argv: [], userData, cwd })).toBe(
      join(userData, 'library'),
    )
  })

  it('lets --data-dir override the environment, in both spellings', () => {
    const env = { TICKLER_DATA_DIR: 'from-env' }
    const abs = resolve('/data/tickler')
    expect(resolveDataDir({ env, argv: ['app', `--data-dir=${abs}`], userData, cwd })).toBe(abs)
    expect(resolveDataDir({ env, argv: ['app', '--data-dir', 'rel dir'], userData, cwd })).toBe(
      join(cwd, 'rel dir'),
    )
  })

  it('ignores an empty or valueless flag', () => {
    expect(resolveDataDir({ env: {}, argv: ['app', '--data-dir='], userData, cwd })).toBe(
      join(userData, 'library'),
    )
    expect(resolveDataDir({ env: {}, argv: ['app', '--data-dir', '--inspect'], userData, cwd })).toBe(
      join(userData, 'library'),
    )
  })
})
