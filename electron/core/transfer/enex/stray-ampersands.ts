const ENTITY = /&(?!(?:[A-Za-z_:][\w.:-]{0,63}|#\d{1,8}|#x[0-9A-Fa-f]{1,8});)/g
/** Longer than any reference ENTITY accepts, so a reference split across two chunks is always held back whole. */
const HOLD = 80

/**
 * Escapes every "&" that does not start a reference, before saxes sees the text. Evernote writes raw
 * ampersands into attributes, and saxes, on a bare "&", reads to the next ";" however far away: it would
 * swallow the rest of the file (and grow one string without bound, a memory attack in itself). Applied to
 * the whole stream, CDATA included: inside ENML a raw "&" is the same fault and "&amp;" is its repair.
 */
export class StrayAmpersands {
  private carry = ''
  count = 0

  push(chunk: string): string {
    const text = this.carry + chunk
    const amp = text.lastIndexOf('&')
    const cut = amp >= 0 && text.length - amp < HOLD && !text.includes(';', amp) ? amp : text.length
    this.carry = text.slice(cut)
    return this.fix(text.slice(0, cut))
  }

  end(): string {
    const rest = this.fix(this.carry)
    this.carry = ''
    return rest
  }

  private fix(text: string): string {
    return text.replace(ENTITY, () => {
      this.count++
      return '&amp;'
    })
  }
}

/** One-shot form for a string already in memory (a note's ENML). */
export function escapeStrayAmpersands(text: string): { text: string; count: number } {
  const filter = new StrayAmpersands()
  const out = filter.push(text) + filter.end()
  return { text: out, count: filter.count }
}
