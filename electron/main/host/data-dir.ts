import { join, resolve } from 'node:path'

export interface DataDirSources {
  env: Record<string, string | undefined>
  argv: readonly string[]
  userData: string
  cwd: string
}

/**
 * The library folder: `--data-dir=PATH` (or `--data-dir PATH`) wins over TICKLER_DATA_DIR, which wins over
 * the per-user default. The flag beats the variable so a one-off launch can override a shell profile.
 */
export function resolveDataDir({ env, argv, userData, cwd }: DataDirSources): string {
  const fromArg = readFlag(argv, '--data-dir')
  const chosen = fromArg ?? (env.TICKLER_DATA_DIR?.trim() || undefined)
  return chosen ? resolve(cwd, chosen) : join(userData, 'library')
}

function readFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1).trim() || undefined
    if (arg === flag) {
      const next = argv[i + 1]
      return next && !next.startsWith('--') ? next : undefined
    }
  }
  return undefined
}
