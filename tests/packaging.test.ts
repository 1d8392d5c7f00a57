import { getConfig } from 'app-builder-lib/out/util/config/config.js'
import { describe, expect, it } from 'vitest'

/*
 * The packaged app's fuses, read the way electron-builder reads its configuration (electron-builder.yml,
 * or package.json's "build"), so a fuse dropped or flipped in either place fails here, not in the field.
 */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const

describe('packaging configuration', () => {
  it.each(Object.entries(REQUIRED_FUSES))('sets the %s fuse to %s', async (fuse, value) => {
    const config = await getConfig(process.cwd(), null, null)
    expect(config.electronFuses?.[fuse as keyof typeof REQUIRED_FUSES]).toBe(value)
  })

  it('packs the app into an asar archive, which the integrity and only-from-asar fuses rely on', async () => {
    const config = await getConfig(process.cwd(), null, null)
    expect(config.asar).not.toBe(false)
  })
})
