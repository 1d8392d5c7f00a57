import { describe, expect, it } from 'vitest'
import { placeCapture } from './capture-placement'

const left = { x: -1920, y: 0, width: 1920, height: 1040 }
const main = { x: 0, y: 0, width: 2560, height: 1400 }

describe('capture window placement', () => {
  it('centres the panel horizontally, a little above the middle', () => {
    expect(placeCapture(main, { width: 560, height: 236 })).toEqual({
      x: 1000,
      y: 308,
      width: 560,
      height: 236,
    })
    expect(placeCapture(left, { width: 560, height: 236 })).toEqual({
      x: -1240,
      y: 229,
      width: 560,
      height: 236,
    })
  })

  it('stays inside a display smaller than the panel', () => {
    const tiny = { x: 100, y: 50, width: 400, height: 200 }
    expect(placeCapture(tiny, { width: 560, height: 236 })).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 200,
    })
  })
})
