/**
 * `npm run web -- [--port 5199] [--data-dir dir]`: the real core and the built renderer in a browser,
 * on 127.0.0.1 only. Prints one line with the URL (which carries the per-run token) to open.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureRendererBuilt, repoRoot } from './build-renderer'
import { createPreviewServer } from './preview-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`)
  process.exit(2)
}
const dataDir = resolve(
  values['data-dir'] ?? process.env.TICKLER_DATA_DIR ?? resolve(repoRoot, '.tickler-data/preview'),
)

try {
  if (await ensureRendererBuilt()) console.error('Renderer built.')
  const server = await createPreviewServer({ dataDir, port })
  console.log(`Tickler preview: ${server.url}`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Could not close the library cleanly on ${signal}:`, error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
} catch (error) {
  console.error(`Tickler preview could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
