/** The node's name and attributes, as electron/shared/model.ts checks them (the renderer imports only its types). */
export const NOTE_LINK = 'noteLink'

export interface NoteLinkAttrs {
  id: string
  /** The target's title when the link was made or last shown; what exports and search read. */
  title: string
  /** The link's own words, or null: then it reads as the target's current title. */
  label: string | null
}

export function linkAttrsOf(attrs: Record<string, unknown>): NoteLinkAttrs {
  return {
    id: typeof attrs.id === 'string' ? attrs.id : '',
    title: typeof attrs.title === 'string' ? attrs.title : '',
    label: typeof attrs.label === 'string' && attrs.label ? attrs.label : null,
  }
}

/** The words a link shows: its own, else the target's title now, else the one it was stored with. */
export const linkWords = (attrs: NoteLinkAttrs, current: string | null | undefined): string =>
  attrs.label ?? (current || attrs.title)
