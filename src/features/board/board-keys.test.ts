import { describe, expect, it } from 'vitest'
import type { KeyboardCoordinateGetter } from '@dnd-kit/core'
import { boardKeyboardCoordinates, keyTarget } from './board-keys'

const key = (id: string) => `column:${id}`
const order = { todo: ['a', 'b', 'c', 'd'], doing: ['e'], done: [] as string[] }
const columns = ['todo', 'doing', 'done']
const target = (card: string, arrow: string, o = order) => keyTarget(o, columns, card, arrow, key)

describe('keyTarget', () => {
  it('moves to the next column on the first ArrowRight, never within its own', () => {
    expect(target('a', 'ArrowRight')).toEqual({ id: 'e', align: 'top' })
    // Position 3 of 4 into a column of one card: the place of its last card.
    expect(target('c', 'ArrowRight')).toEqual({ id: 'e', align: 'top' })
    expect(target('e', 'ArrowRight')).toEqual({ id: 'column:done', align: 'top' })
    expect(target('e', 'ArrowLeft')).toEqual({ id: 'a', align: 'top' })
  })

  it('keeps the position when the next column has room for it', () => {
    const full = { ...order, doing: ['e', 'f', 'g'] }
    expect(target('b', 'ArrowRight', full)).toEqual({ id: 'f', align: 'top' })
  })

  it('stays put past the first and last column', () => {
    expect(target('a', 'ArrowLeft')).toBeNull()
    expect(target('x', 'ArrowRight', { ...order, done: ['x'] })).toBeNull()
  })

  it('moves one place within the column with ArrowUp and ArrowDown, and no further than its ends', () => {
    expect(target('b', 'ArrowDown')).toEqual({ id: 'c', align: 'bottom' })
    expect(target('b', 'ArrowUp')).toEqual({ id: 'a', align: 'top' })
    expect(target('a', 'ArrowUp')).toBeNull()
    expect(target('d', 'ArrowDown')).toEqual(null)
  })

  it('counts from the place the card is shown at while it is moved within its column', () => {
    // "d" picked up and moved up once shows in "c"'s place: the next ArrowUp takes it to "b"'s.
    expect(keyTarget(order, columns, 'd', 'ArrowUp', key, 'c')).toEqual({ id: 'b', align: 'top' })
    // Back down past where it started.
    expect(keyTarget(order, columns, 'b', 'ArrowDown', key, 'c')).toEqual({ id: 'd', align: 'bottom' })
    expect(keyTarget(order, columns, 'b', 'ArrowDown', key, 'b')).toEqual({ id: 'c', align: 'bottom' })
    // And into the next column at that place.
    expect(keyTarget({ ...order, doing: ['e', 'f', 'g'] }, columns, 'a', 'ArrowRight', key, 'c')).toEqual({
      id: 'g',
      align: 'top',
    })
  })
})

describe('board keyboard coordinates', () => {
  const press = (code: string) => new KeyboardEvent('keydown', { code, cancelable: true })
  const box = (top: number) => ({ left: 20, top, width: 200, height: 40, right: 220, bottom: top + 40 })
  const args = (measured: boolean) =>
    ({
      context: {
        active: { id: 'c' },
        over: null,
        collisionRect: box(200),
        droppableContainers: new Map([
          // Not measured yet: the pick-up's measuring has not run when the key comes.
          ['b', { rect: { current: measured ? box(100) : null }, node: { current: { getBoundingClientRect: () => box(100) } } }],
        ]),
      },
    }) as unknown as Parameters<KeyboardCoordinateGetter>[1]
  const layout = { order, columnIds: ['todo', 'doing', 'done'] }
  const isColumn = (id: unknown) => String(id).startsWith('column:')

  it('moves a card up onto the card above it', () => {
    expect(boardKeyboardCoordinates(press('ArrowUp'), args(true), layout, isColumn, key)).toEqual({ x: 20, y: 100 })
  })

  it('still moves when the key comes before dnd-kit has measured the cards', () => {
    expect(boardKeyboardCoordinates(press('ArrowUp'), args(false), layout, isColumn, key)).toEqual({ x: 20, y: 100 })
  })
})
