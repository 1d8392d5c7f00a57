import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

const WindowState = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof WindowState>

/** Missing, unreadable or malformed state is not worth a warning: the window just opens at its default place. */
export function loadWindowState(file: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Synchronous because it runs from the window's 'close' event, moments before the process may exit; the
 * file is a few dozen bytes. Written to a temporary file and renamed over the old one, so a crash mid-write
 * leaves the previous state rather than a truncated file. No fsync: losing a window position is harmless.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.${process.pid}.tmp`
  mkdirSync(dirname(file), { recursive: true })
  try {
    writeFileSync(tmp, JSON.stringify(WindowState.parse(state)), 'utf8')
    renameSync(tmp, file)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}
