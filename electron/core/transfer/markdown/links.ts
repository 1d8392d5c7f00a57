/** The link rule the editor enforces: http, https and mailto only. Import and export apply the same one. */
export function isSafeLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim())
}

export const isWebUrl = (href: string): boolean => /^https?:\/\//i.test(href.trim())

/** A string attribute of a stored node or mark, or '' when it is missing or not a string. */
export const strAttr = (attrs: Record<string, unknown> | undefined, name: string): string => {
  const value = attrs?.[name]
  return typeof value === 'string' ? value : ''
}
