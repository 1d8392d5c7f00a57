/** A stable hue per tag, so a label keeps its colour on every card and after every reload. */
export function labelHue(tag: string): number {
  let h = 0
  for (const ch of tag.toLocaleLowerCase()) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0
  // Twelve well-separated hues read better than 360 near-identical ones.
  return (h % 12) * 30
}
