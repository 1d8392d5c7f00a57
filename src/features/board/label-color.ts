import type { CSSProperties } from 'react'
import type { LabelColors } from '../../../electron/shared/board'

/** A stable hue per tag, so a label keeps its colour on every card and after every reload. */
export function labelHue(tag: string): number {
  let h = 0
  for (const ch of tag.toLocaleLowerCase()) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0
  // Twelve well-separated hues read better than 360 near-identical ones.
  return (h % 12) * 30
}

/** Where Trello's label colours sit on the colour wheel; black is the one with no hue. */
const TRELLO_HUES: Record<string, number> = {
  green: 135,
  yellow: 50,
  orange: 28,
  red: 2,
  purple: 272,
  blue: 212,
  sky: 192,
  lime: 88,
  pink: 325,
  black: 220,
}

/** A label's colour: the one its board brought from Trello ("red_dark" reads as red), else one from its name. */
export function labelStyle(tag: string, colors: LabelColors | undefined): CSSProperties {
  const base = colors?.[tag]?.replace(/_(dark|light)$/, '')
  const hue = base !== undefined ? TRELLO_HUES[base] : undefined
  if (hue === undefined) return { '--label-hue': labelHue(tag) } as CSSProperties
  return { '--label-hue': hue, '--label-sat': base === 'black' ? 0.15 : 1 } as CSSProperties
}
