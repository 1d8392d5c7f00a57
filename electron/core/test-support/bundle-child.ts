import { join } from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles a child-process script from this folder into `outDir`, so each child starts as a plain `node`
 * in ~50 ms instead of going through a TypeScript loader. Returns the bundle's path.
 */
export async function bundleChild(name: string, outDir: string): Promise<string> {
  const outfile = join(outDir, name.replace(/\.ts$/, '.mjs'))
  await build({
    entryPoints: [join(import.meta.dirname, name)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  })
  return outfile
}
