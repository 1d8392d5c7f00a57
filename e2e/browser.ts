import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * Playwright's own Chromium when it has been downloaded; otherwise the system one (Debian's
 * `chromium` package), found where it is installed or on PATH.
 */
export function chromiumExecutable(): string | undefined {
  const bundled = chromium.executablePath()
  if (bundled && existsSync(bundled)) return undefined // Playwright finds its own
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate
  }
  try {
    return (
      execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
        encoding: 'utf8',
      }).trim() || undefined
    )
  } catch {
    return undefined
  }
}

/** Chromium refuses to start its sandbox as root (containers, CI images). */
export const chromiumArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
