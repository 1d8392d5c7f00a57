import { run } from '../run'

export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs a `tickler` command in this process, as a shell would, and collects what it printed. */
export async function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** `cliWith` with no environment variables. */
export const cli = (...args: string[]): Promise<CliResult> => cliWith({}, ...args)
