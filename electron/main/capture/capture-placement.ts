export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const CAPTURE_SIZE = { width: 560, height: 236 }

/**
 * Where the capture panel opens: centred across the work area, a little above the middle (where a
 * launcher is expected, and where the eye already is), never past the area's edges, and smaller
 * than asked when the display itself is smaller.
 */
export function placeCapture(area: Rect, size = CAPTURE_SIZE): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  const x = area.x + Math.round((area.width - width) / 2)
  const y = area.y + Math.min(Math.round(area.height * 0.22), area.height - height)
  return { x, y, width, height }
}
