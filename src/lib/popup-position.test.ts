import { describe, expect, it } from 'vitest'
import { placePopup, pointRect, type Rect } from './popup-position'

const window900 = { width: 900, height: 700 }
const button = (left: number, top: number, width = 100, height = 30): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
})

describe('placePopup', () => {
  it('opens below the anchor, lined up with its start or end', () => {
    expect(placePopup(button(100, 50), { width: 200, height: 150 }, window900)).toMatchObject({
      left: 100,
      top: 86,
      side: 'below',
    })
    expect(placePopup(button(600, 50), { width: 260, height: 150 }, window900, { align: 'end' })).toMatchObject({
      left: 440,
    })
  })

  it('is pushed back inside the right edge instead of running off it (Add to board at the far right)', () => {
    const spot = placePopup(button(840, 50, 50), { width: 260, height: 200 }, window900)
    expect(spot.left + 260).toBeLessThanOrEqual(900 - 8)
    expect(spot.left).toBe(900 - 8 - 260)
  })

  it('never starts left of the window either', () => {
    expect(placePopup(button(-30, 50), { width: 200, height: 100 }, window900).left).toBe(8)
    expect(placePopup(button(0, 50), { width: 300, height: 100 }, window900, { align: 'end' }).left).toBe(8)
  })

  it('opens above when there is no room below, and caps its height when neither side has room', () => {
    const above = placePopup(button(100, 600), { width: 200, height: 300 }, window900)
    expect(above.side).toBe('above')
    expect(above.top + 300).toBeLessThanOrEqual(600)

    const tall = placePopup(button(100, 300), { width: 200, height: 900 }, window900)
    expect(tall.top).toBeGreaterThanOrEqual(8)
    expect(tall.top + tall.maxHeight).toBeLessThanOrEqual(700 - 8)
  })

  it('caps the width to the window when the popup is wider than it', () => {
    const spot = placePopup(button(10, 10), { width: 2000, height: 100 }, window900)
    expect(spot.left).toBe(8)
    expect(spot.maxWidth).toBe(884)
  })

  it('places a right-click menu at the pointer, flipped inside the bottom-right corner', () => {
    const spot = placePopup(pointRect(890, 690), { width: 180, height: 120 }, window900, { gap: 0 })
    expect(spot.left + 180).toBeLessThanOrEqual(892)
    expect(spot.top + 120).toBeLessThanOrEqual(690)
  })
})
