import { useCallback, useLayoutEffect, useRef, type RefCallback, type RefObject } from 'react'
import { placePopup, type PlaceOptions, type Rect } from './popup-position'

const px = (value: string) => (value.endsWith('px') ? parseFloat(value) : Infinity)

/** Places a fixed-position popup element beside `anchor` (see placePopup). */
export function placeElement(element: HTMLElement, anchor: Rect, options: PlaceOptions): void {
  const { style } = element
  // Measure the popup at its natural size (a fixed box near the right edge shrinks to the room left of
  // it) and without the caps of the last placement, but within the caps its own style sheet sets.
  Object.assign(style, { position: 'fixed', left: '0px', top: '0px', right: 'auto', bottom: 'auto' })
  Object.assign(style, { maxHeight: '', maxWidth: '' })
  // A transformed ancestor makes itself the origin of "fixed": place relative to where (0, 0) really is.
  const origin = element.getBoundingClientRect()
  const own = getComputedStyle(element)
  const root = document.documentElement
  const spot = placePopup(
    anchor,
    { width: element.offsetWidth, height: element.offsetHeight },
    { width: root.clientWidth, height: root.clientHeight },
    options,
  )
  Object.assign(style, {
    left: `${Math.round(spot.left - origin.left)}px`,
    top: `${Math.round(spot.top - origin.top)}px`,
    maxHeight: `${Math.floor(Math.min(spot.maxHeight, px(own.maxHeight)))}px`,
    maxWidth: `${Math.floor(Math.min(spot.maxWidth, px(own.maxWidth)))}px`,
  })
  element.dataset.side = spot.side
}

/**
 * Keeps a popup placed beside its anchor while it is mounted: before the first paint, and again whenever
 * the window is resized, anything scrolls, or the popup's own size changes (an error line appears). The
 * popup is `position: fixed`, so no scrolling or clipping parent can push it out of the window. `anchor`
 * is read at each placement and may change between renders; null keeps the last place.
 * Returns the ref to put on the popup; `element`, when given, is kept pointing at it as well.
 */
export function usePopupPosition<T extends HTMLElement>(
  anchor: () => Rect | null,
  options: PlaceOptions = {},
  element?: RefObject<T | null>,
): RefCallback<T> {
  const latest = useRef({ anchor, options, element })
  useLayoutEffect(() => {
    latest.current = { anchor, options, element }
  })
  return useCallback((node: T | null) => {
    const target = latest.current.element
    if (target) target.current = node
    if (!node) return
    const place = () => {
      const rect = latest.current.anchor()
      if (rect) placeElement(node, rect, latest.current.options)
    }
    place()
    let frame = 0
    const soon = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(place)
    }
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(soon)
    resized?.observe(node)
    window.addEventListener('resize', soon)
    // Capture: a scroll inside any pane (the note, the list) moves the anchor too.
    document.addEventListener('scroll', soon, true)
    return () => {
      cancelAnimationFrame(frame)
      resized?.disconnect()
      window.removeEventListener('resize', soon)
      document.removeEventListener('scroll', soon, true)
      if (target) target.current = null
    }
  }, [])
}
