import { useLayoutEffect, useRef, type RefObject } from 'react'
import { placePopup, type PlaceOptions, type Rect } from './popup-position'

/** Places a fixed-position popup element beside `anchor` (see placePopup). */
export function placeElement(element: HTMLElement, anchor: Rect, options: PlaceOptions): void {
  const { style } = element
  // Measure the popup at its natural size: at the window's corner (a fixed box near the right edge
  // shrinks to the room left of it) and without the caps of the last placement.
  Object.assign(style, { position: 'fixed', left: '0px', top: '0px', right: 'auto', bottom: 'auto' })
  Object.assign(style, { maxHeight: '', maxWidth: '' })
  const root = document.documentElement
  const spot = placePopup(
    anchor,
    { width: element.offsetWidth, height: element.offsetHeight },
    { width: root.clientWidth, height: root.clientHeight },
    options,
  )
  Object.assign(style, {
    left: `${Math.round(spot.left)}px`,
    top: `${Math.round(spot.top)}px`,
    maxHeight: `${Math.floor(spot.maxHeight)}px`,
    maxWidth: `${Math.floor(spot.maxWidth)}px`,
  })
  element.dataset.side = spot.side
}

/**
 * Keeps an open popup placed beside its anchor: before the first paint, and again whenever the window is
 * resized, anything scrolls, or the popup's own size changes (an error line appears). The popup is
 * `position: fixed`, so no scrolling or clipping parent can push it out of the window. `anchor` is read at
 * each placement and may change between renders; null keeps the last place.
 */
export function usePopupPosition(
  popup: RefObject<HTMLElement | null>,
  anchor: () => Rect | null,
  options: PlaceOptions = {},
): void {
  const latest = useRef({ anchor, options })
  useLayoutEffect(() => {
    latest.current = { anchor, options }
  })

  useLayoutEffect(() => {
    const element = popup.current
    if (!element) return
    const place = () => {
      const rect = latest.current.anchor()
      if (rect) placeElement(element, rect, latest.current.options)
    }
    place()
    let frame = 0
    const soon = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(place)
    }
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(soon)
    resized?.observe(element)
    window.addEventListener('resize', soon)
    // Capture: a scroll inside any pane (the note, the list) moves the anchor too.
    document.addEventListener('scroll', soon, true)
    return () => {
      cancelAnimationFrame(frame)
      resized?.disconnect()
      window.removeEventListener('resize', soon)
      document.removeEventListener('scroll', soon, true)
    }
  }, [popup])
}
