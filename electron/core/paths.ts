import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Tickler'

/**
 * Where Electron's app.getPath('userData') points for this app on each OS, so the CLI finds the same
 * library as the app without loading Electron. TICKLER_DATA_DIR overrides both.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TICKLER_DATA_DIR) return env.TICKLER_DATA_DIR
  const home = homedir()
  const userData =
    platform === 'win32'
      ? join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', APP_NAME)
        : join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
  return join(userData, 'library')
}
