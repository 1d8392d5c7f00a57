import { describe, expect, it } from 'vitest'
import { clampToDisplays, DEFAULT_SIZE, MIN_SIZE, type DisplayArea } from './window-bounds'

const primary: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
// A second monitor to the right, taller and offset upward (negative y is legal for non-primary displays).
const right: DisplayArea = { workArea: { x: 1920, y: -200, width: 2560, height: 1400 } }
// A monitor to the left of the primary: negative x.
const left: DisplayArea = { workArea: { x: -1280, y: 0, width: 1280, height: 984 } }

describe('clampToDisplays', () => {
  it('keeps bounds that are already fully visible', () => {
    const bounds = { x: 100, y: 50, width: 1000, height: 700 }
    expect(clampToDisplays(bounds, [primary, right])).toEqual(bounds)
    const onRight = { x: 2000, y: -150, width: 1200, height: 900 }
    expect(clampToDisplays(onRight, [primary, right])).toEqual(onRight)
    const onLeft = { x: -1200, y: 10, width: 800, height: 600 }
    expect(clampToDisplays(onLeft, [primary, left])).toEqual(onLeft)
  })

  it('centres on the primary display when the saved monitor is gone', () => {
    const wasOnRight = { x: 2500, y: 100, width: 1000, height: 700 }
    expect(clampToDisplays(wasOnRight, [primary])).toEqual({ x: 460, y: 170, width: 1000, height: 700 })
  })

  it('pulls a window hanging off an edge back inside the display it mostly covers', () => {
    expect(clampToDisplays({ x: 1500, y: 900, width: 1000, height: 700 }, [primary])).toEqual({
      x: 920,
      y: 340,
      width: 1000,
      height: 700,
    })
    expect(clampToDisplays({ x: -300, y: -40, width: 800, height: 600 }, [primary])).toEqual({
      x: 0,
      y: 0,
      width: 800,
      height: 600,
    })
  })

  it('chooses the display with the larger share of a window that straddles two', () => {
    // 120 px on the primary, 880 px on the right-hand monitor.
    const result = clampToDisplays({ x: 1800, y: 100, width: 1000, height: 700 }, [primary, right])
    expect(result).toEqual({ x: 1920, y: 100, width: 1000, height: 700 })
  })

  it('shrinks a window larger than the display (e.g. after moving to a laptop screen)', () => {
    const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1280, height: 775 } }
    expect(clampToDisplays({ x: 0, y: 0, width: 2400, height: 1300 }, [laptop])).toEqual({
      x: 0,
      y: 25,
      width: 1280,
      height: 775,
    })
  })

  it('uses a default size centred on the primary display when nothing was saved', () => {
    expect(clampToDisplays(undefined, [primary, right])).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    })
  })

  it('treats garbage numbers as missing and enforces a minimum size', () => {
    const result = clampToDisplays({ x: Number.NaN, y: 10, width: 20, height: Infinity }, [primary])
    expect(result.width).toBe(MIN_SIZE.width)
    expect(result.height).toBe(DEFAULT_SIZE.height)
    expect(result.x).toBe((1920 - MIN_SIZE.width) / 2)
  })

  it('still returns a usable rectangle when no display is reported', () => {
    expect(clampToDisplays({ x: 5000, y: 5000, width: 900, height: 600 }, [])).toEqual({
      x: 150,
      y: 100,
      width: 900,
      height: 600,
    })
  })
})
