import { spawn } from 'node:child_process'

export interface PreviewProcess {
  url: string
  stop(): void
}

/**
 * The preview server as its own process on a free port over `dataDir`, as `npm run web` runs it, for the
 * tools that look at the app from outside. Resolves once the server prints its address.
 */
export async function startPreviewProcess(dataDir: string): Promise<PreviewProcess> {
  const server = spawn('npx', ['tsx', 'e2e/preview/server.ts', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so stopping it also stops the tsx/node child that npx starts.
    detached: true,
  })
  const url = await new Promise<string>((ok, fail) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /Tickler preview: (\S+)/.exec(chunk.toString())
      if (match) ok(match[1]!)
    })
    server.on('exit', (code) => fail(new Error(`preview server exited with ${code}`)))
  })
  return {
    url,
    stop: () => {
      if (server.pid) process.kill(-server.pid, 'SIGTERM')
    },
  }
}
