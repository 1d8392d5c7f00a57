/**
 * A file or folder name every OS accepts, made from a note title or notebook name: no separators,
 * reserved characters, control characters or Windows device names, and not too long.
 */
export function safeFileName(name: string, fallback = 'Untitled'): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim()
  if (!cleaned || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) return fallback
  return cleaned
}

/** Hands out names that are unique case-insensitively, as they must be on Windows and macOS. */
export class NamePool {
  private readonly used = new Set<string>()

  take(base: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase())
        return name
      }
    }
  }
}
