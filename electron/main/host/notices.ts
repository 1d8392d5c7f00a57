import type { CorruptFile } from '../../core/types'

/** The text of the start-up notice telling the user which damaged files were moved aside (never deleted). */
export function describeCorruptFiles(
  corrupt: readonly CorruptFile[],
): { message: string; detail: string } | undefined {
  if (corrupt.length === 0) return undefined
  const message =
    corrupt.length === 1
      ? 'Tickler found a damaged file and moved it aside.'
      : `Tickler found ${corrupt.length} damaged files and moved them aside.`
  const shown = corrupt.slice(0, 10).map((c) => `• ${c.file} → ${c.movedTo} (${c.reason})`)
  if (corrupt.length > shown.length) shown.push(`…and ${corrupt.length - shown.length} more.`)
  const detail = [
    ...shown,
    '',
    'Nothing was deleted. The moved files stay in your library folder so you can inspect or restore them.',
  ].join('\n')
  return { message, detail }
}
