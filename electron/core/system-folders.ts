import { realpath } from 'node:fs/promises'
import { dirname, posix, resolve, win32 } from 'node:path'
import { TicklerError } from '../shared/rpc'

/**
 * Folders that belong to the operating system: writing a calendar (or any file Tickler keeps up to date)
 * into them is never what a user meant, and from a hostile caller it is how a system file is replaced.
 * Temporary folders under them (macOS keeps each user's in /private/var/folders) stay allowed.
 */
const POSIX_SYSTEM = [
  '/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/opt', '/proc', '/run',
  '/sbin', '/srv', '/sys', '/usr', '/var', '/Applications', '/Library', '/System', '/private/etc', '/private/var',
  '/cores', '/Volumes/Recovery',
]
const POSIX_ALLOWED_UNDER_SYSTEM = ['/var/tmp', '/private/var/tmp', '/private/var/folders', '/var/folders']
const WINDOWS_SYSTEM = ['\\windows', '\\program files', '\\program files (x86)', '\\programdata']

const within = (path: string, folder: string, sep: string) => path === folder || path.startsWith(folder + sep)

/** True when an absolute, already resolved path is a system folder, the root, or inside one. */
export function isSystemFolder(path: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') {
    const normal = win32.normalize(path).toLowerCase()
    const { root } = win32.parse(normal)
    const rest = `\\${normal.slice(root.length)}`.replace(/\\+$/, '')
    return rest === '' || WINDOWS_SYSTEM.some((f) => within(rest, f, '\\'))
  }
  const normal = posix.normalize(path).replace(/\/+$/, '') || '/'
  if (normal === '/') return true
  if (POSIX_ALLOWED_UNDER_SYSTEM.some((f) => within(normal, f, '/'))) return false
  return POSIX_SYSTEM.some((f) => within(normal, f, '/'))
}

/**
 * The folder's real location (symbolic links followed, so a link to /etc is caught), or a sentence saying
 * why Tickler will not write there. A folder that does not exist yet is judged by its nearest existing parent.
 */
export async function systemFolderProblem(folder: string): Promise<string | null> {
  let real = resolve(folder)
  let rest = ''
  for (;;) {
    const found = await realpath(real).catch(() => null)
    if (found !== null) {
      real = resolve(found, rest)
      break
    }
    const parent = dirname(real)
    if (parent === real) break
    rest = rest ? `${real.slice(parent.length + 1)}/${rest}` : real.slice(parent.length + 1)
    real = parent
  }
  return isSystemFolder(real)
    ? `${folder} is a system folder; Tickler writes its files only into your own folders`
    : null
}

/** Throws BAD_INPUT (the sentence led by `lead`, e.g. "Not written") when `folder` is a system folder. */
export async function refuseSystemFolder(folder: string, lead?: string): Promise<void> {
  const problem = await systemFolderProblem(folder)
  if (problem) throw new TicklerError('BAD_INPUT', lead ? `${lead}: ${problem}.` : `${problem[0]!.toUpperCase()}${problem.slice(1)}.`)
}
