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
  /** The latest note list; `loaded` false while the list has not come from core yet. */
  update(notes: readonly (LinkableNote & { trashedAt: string | null })[], loaded: boolean): void
  /** What opening a note does (the app's own openNote, which changes as the app renders). */
  setOpener(open: (id: string) => void): void
}

type Listed = LinkableNote & { trashedAt: string | null }

/**
 * A directory the app fills from its note list. It is told the list on every change (every save, at
 * 100,000 notes), so update() only checks whether any title changed — a lookup per note, no copy — and
 * the picker's list is made when the picker asks for it.
 */
export function createNoteDirectory(): UpdatableDirectory {
  let opener: (id: string) => void = () => undefined
  let titles = new Map<string, string>()
  let list: readonly Listed[] = []
  let linkable: LinkableNote[] | null = null
  let known = false
  const listeners = new Set<() => void>()
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
      if (next === list && loaded === known) return
      list = next
      linkable = null
      const changed = loaded !== known || !sameTitles(titles, next)
      known = loaded
      if (!changed) return
      titles = new Map(next.map((n) => [n.id, n.title]))
      for (const listener of [...listeners]) listener()
    },
  }
}

/** Whether the list holds exactly the notes and titles the map does (ids are unique in a list). */
function sameTitles(titles: ReadonlyMap<string, string>, list: readonly Listed[]): boolean {
  if (titles.size !== list.length) return false
  for (const n of list) if (titles.get(n.id) !== n.title) return false
  return true
}

/** Where no app is around (a bare editor): every link reads as its stored title and opens nothing. */
export const NO_DIRECTORY: NoteDirectory = {
  titleOf: () => undefined,
  notes: () => [],
  open: () => undefined,
  subscribe: () => () => undefined,
}
