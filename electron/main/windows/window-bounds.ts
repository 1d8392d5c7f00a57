export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayArea {
  /** The display's usable area (without taskbar/dock), in the same coordinates as window bounds. */
  workArea: Rect
}

export const DEFAULT_SIZE = { width: 1200, height: 800 }
export const MIN_SIZE = { width: 480, height: 360 }

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function finite(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : fallback
}

/**
 * Places a remembered window so that it is fully visible: a monitor may have been unplugged, resized or
 * rearranged since the bounds were saved. The window stays on the display it overlaps most (the first
 * display, the primary, when it overlaps none), is shrunk to fit that display's work area and moved
 * inside it. Without a usable remembered position it is centred on the primary display.
 */
export function clampToDisplays(bounds: Partial<Rect> | undefined, displays: readonly DisplayArea[]): Rect {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  const width = Math.max(finite(bounds?.width, DEFAULT_SIZE.width), MIN_SIZE.width)
  const height = Math.max(finite(bounds?.height, DEFAULT_SIZE.height), MIN_SIZE.height)
  const hasPosition = Number.isFinite(bounds?.x) && Number.isFinite(bounds?.y)
  const wanted: Rect = { x: finite(bounds?.x, 0), y: finite(bounds?.y, 0), width, height }

  let area = primary
  let best = 0
  if (hasPosition) {
    for (const display of displays) {
      const shared = overlap(wanted, display.workArea)
      if (shared > best) {
        best = shared
        area = display.workArea
      }
    }
  }

  const w = Math.min(width, area.width)
  const h = Math.min(height, area.height)
  if (best === 0) {
    return {
      x: area.x + Math.floor((area.width - w) / 2),
      y: area.y + Math.floor((area.height - h) / 2),
      width: w,
      height: h,
    }
  }
  return {
    x: Math.min(Math.max(wanted.x, area.x), area.x + area.width - w),
    y: Math.min(Math.max(wanted.y, area.y), area.y + area.height - h),
    width: w,
    height: h,
  }
}
