/**
 * Where a popup (a menu, a small dialog) goes next to what opened it, so that it is always inside the
 * window: below the anchor when it fits, else above, else on the side with more room and capped to it;
 * horizontally aligned with the anchor's start, end or centre, then pushed back inside the edges.
 * Pure, in viewport coordinates (a popup placed with `position: fixed`).
 */
export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

export interface Size {
  width: number
  height: number
}

export interface PlaceOptions {
  /** Which anchor edge the popup lines up with: its left edge with the anchor's left (start), right with right (end). */
  align?: 'start' | 'end' | 'center'
  /** Space between the anchor and the popup. */
  gap?: number
  /** The closest a popup may come to the window's edges. */
  margin?: number
}

export interface Placement {
  left: number
  top: number
  /** Set when the popup is taller (wider) than the room it has: it must scroll (wrap) inside this. */
  maxHeight: number
  maxWidth: number
  side: 'below' | 'above'
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high))

export function placePopup(anchor: Rect, size: Size, viewport: Size, options: PlaceOptions = {}): Placement {
  const { align = 'start', gap = 6, margin = 8 } = options
  const maxWidth = Math.max(0, viewport.width - 2 * margin)
  const width = Math.min(size.width, maxWidth)
  const wanted =
    align === 'end'
      ? anchor.right - width
      : align === 'center'
        ? (anchor.left + anchor.right) / 2 - width / 2
        : anchor.left
  const left = clamp(wanted, margin, viewport.width - margin - width)

  const below = viewport.height - margin - (anchor.bottom + gap)
  const above = anchor.top - gap - margin
  const side = size.height <= below || below >= above ? 'below' : 'above'
  const room = Math.max(0, side === 'below' ? below : above)
  const height = Math.min(size.height, room)
  const top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height
  return { left, top: clamp(top, margin, viewport.height - margin - height), maxHeight: room, maxWidth, side }
}

/** A point (a right-click) as an anchor of no size. */
export const pointRect = (x: number, y: number): Rect => ({ left: x, top: y, right: x, bottom: y })
