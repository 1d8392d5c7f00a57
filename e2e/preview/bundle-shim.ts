import { join } from 'node:path'
import { build } from 'esbuild'
import { repoRoot } from './build-renderer'

let cached: Promise<string> | undefined

/** Bundles shim.ts (with the shared contract and zod) into one classic script, in memory. */
export function bundleShim(): Promise<string> {
  cached ??= build({
    entryPoints: [join(repoRoot, 'e2e/preview/shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // zod travels with the contract; minifying keeps a blocking head script quick to parse.
    minify: true,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0]
    if (!file) throw new Error('esbuild produced no output for the preview shim')
    return file.text
  })
  return cached
}
