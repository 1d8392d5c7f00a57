/**
 * Multi-selection in the note list, as in a mail client: a plain click selects one note and sets the
 * anchor, Ctrl/Cmd+click toggles one, Shift+click (or Shift+arrow) selects the range from the anchor.
 */
export interface Selection {
  ids: ReadonlySet<string>
  anchor: string | null
  /** The row with keyboard focus; the note that is open when one row is selected. */
  focus: string | null
}

export const emptySelection: Selection = { ids: new Set(), anchor: null, focus: null }

export const single = (id: string): Selection => ({ ids: new Set([id]), anchor: id, focus: id })

export function toggle(sel: Selection, id: string): Selection {
  const ids = new Set(sel.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: id, focus: id }
}

export function extendTo(sel: Selection, order: readonly string[], id: string): Selection {
  const anchor = sel.anchor && order.includes(sel.anchor) ? sel.anchor : id
  const from = order.indexOf(anchor)
  const to = order.indexOf(id)
  if (to < 0) return sel
  const [lo, hi] = from <= to ? [from, to] : [to, from]
  return { ids: new Set(order.slice(lo, hi + 1)), anchor, focus: id }
}

export type Modifiers = { shift: boolean; toggle: boolean }

export function clickSelect(
  sel: Selection,
  order: readonly string[],
  id: string,
  mods: Modifiers,
): Selection {
  if (mods.shift) return extendTo(sel, order, id)
  if (mods.toggle) return toggle(sel, id)
  return single(id)
}

/** Where a navigation key moves the focus; null for keys the list does not handle. */
export function moveFocus(
  order: readonly string[],
  focus: string | null,
  key: string,
  page = 10,
): string | null {
  if (order.length === 0) return null
  const at = focus ? order.indexOf(focus) : -1
  const last = order.length - 1
  const index =
    key === 'ArrowDown'
      ? Math.min(last, at + 1)
      : key === 'ArrowUp'
        ? Math.max(0, at < 0 ? 0 : at - 1)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : key === 'PageDown'
              ? Math.min(last, Math.max(0, at) + page)
              : key === 'PageUp'
                ? Math.max(0, at - page)
                : null
  return index === null ? null : order[index]!
}

/** Drops ids that left the list (trashed, moved out of the view) so actions never touch hidden notes. */
export function pruneSelection(sel: Selection, order: readonly string[]): Selection {
  if (sel.ids.size === 0) return sel
  // Runs on every change of a list that may hold 100,000 ids: look for the few selected ones (stopping
  // once all are found) rather than building a set of the whole list.
  const wanted = new Set(sel.ids)
  if (sel.anchor) wanted.add(sel.anchor)
  if (sel.focus) wanted.add(sel.focus)
  const present = new Set<string>()
  for (const id of order) {
    if (!wanted.has(id)) continue
    present.add(id)
    if (present.size === wanted.size) break
  }
  if ([...sel.ids].every((id) => present.has(id))) return sel
  return {
    ids: new Set([...sel.ids].filter((id) => present.has(id))),
    anchor: sel.anchor && present.has(sel.anchor) ? sel.anchor : null,
    focus: sel.focus && present.has(sel.focus) ? sel.focus : null,
  }
}
