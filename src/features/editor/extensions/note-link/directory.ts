/** A note a link can point at, as the note list knows it. */
export interface LinkableNote {
  id: string
  title: string
  updatedAt: string
}

/**
 * What the editor knows about the notes a link can point at: each one's title now (from the note list's
 * summaries, so a renamed note reads right everywhere at once), and how to open one. Links subscribe, so
 * a rename or a deletion redraws them without reopening the note.
 */
export interface NoteDirectory {
  /** The note's title now; null when there is no such note (deleted); undefined while that is not known yet. */
  titleOf(id: string): string | null | undefined
  /** The notes a link may point at (not in the Trash), most recently edited first. */
  notes(): readonly LinkableNote[]
  open(id: string): void
  subscribe(listener: () => void): () => void
}

export interface UpdatableDirectory extends NoteDirectory {
  /** The latest note list; `loaded` false while the list has not (all) come from core yet. */
  update(notes: readonly Listed[], loaded: boolean): void
  /** A library change (the same event the list is patched from): renamed, added and removed notes. */
  patch(change: { summaries: readonly { id: string; title: string }[]; removed: readonly string[] }): void
  /** What opening a note does (the app's own openNote, which changes as the app renders). */
  setOpener(open: (id: string) => void): void
}

type Listed = LinkableNote & { trashedAt: string | null }

/**
 * A directory the app fills from its note list. Titles are read from the whole list once it has loaded,
 * then kept by the change events that patch the list — a save at 100,000 notes costs a lookup per
 * written note, not a pass over the list — and the picker's list is made only when the picker asks.
 */
export function createNoteDirectory(): UpdatableDirectory {
  let opener: (id: string) => void = () => undefined
  let titles = new Map<string, string>()
  let list: readonly Listed[] = []
  let linkable: LinkableNote[] | null = null
  let known = false
  const listeners = new Set<() => void>()
  const tell = () => {
    for (const listener of [...listeners]) listener()
  }
  return {
    titleOf: (id) => (known ? (titles.get(id) ?? null) : undefined),
    notes: () =>
      (linkable ??= list
        .filter((n) => !n.trashedAt)
        .map(({ id, title, updatedAt }) => ({ id, title, updatedAt }))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
    open: (id) => opener(id),
    setOpener: (open) => {
      opener = open
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    update: (next, loaded) => {
      if (next !== list) linkable = null
      list = next
      if (loaded === known) return
      known = loaded
      titles = loaded ? new Map(next.map((n) => [n.id, n.title])) : new Map<string, string>()
      tell()
    },
    patch: ({ summaries, removed }) => {
      if (!known) return // the whole list, read once it has loaded, holds this change too
      let changed = false
      for (const { id, title } of summaries) {
        if (titles.get(id) === title) continue
        titles.set(id, title)
        changed = true
      }
      for (const id of removed) changed = titles.delete(id) || changed
      if (changed) tell()
    },
  }
}

/** Where no app is around (a bare editor): every link reads as its stored title and opens nothing. */
export const NO_DIRECTORY: NoteDirectory = {
  titleOf: () => undefined,
  notes: () => [],
  open: () => undefined,
  subscribe: () => () => undefined,
}
