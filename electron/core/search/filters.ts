import { dueRange, type QueryFilter } from '../../shared/domain/search-query'
import { FLAG_ATTACHMENT, FLAG_DONE, FLAG_FOLLOWUP, FLAG_TRASHED } from './index-doc'
import type { InvertedIndex } from './inverted-index'
import { fold } from '../../shared/domain/fold'

export type DocTest = (doc: number) => boolean

/**
 * Compiles the query's filters into one test per document. Trashed notes are hidden unless the query
 * asks for in:trash, as they are everywhere else in the app.
 */
/** Names by id, so notebook: and board: filters accept a name (any case) as well as an id. */
export interface FilterNames {
  notebooks: ReadonlyMap<string, string>
  boards: ReadonlyMap<string, string>
}

export function compileFilters(
  index: InvertedIndex,
  filters: QueryFilter[],
  names: FilterNames,
  now: number,
): DocTest {
  const tests: DocTest[] = []
  const wantTrash = filters.some((f) => f.kind === 'in-trash' && !f.negated)
  tests.push(
    wantTrash ? (d) => (index.flags[d]! & FLAG_TRASHED) !== 0 : (d) => (index.flags[d]! & FLAG_TRASHED) === 0,
  )
  for (const filter of filters) {
    const test = compileOne(index, filter, names, now)
    if (test) tests.push(filter.negated ? (d) => !test(d) : test)
  }
  return (doc) => {
    for (const test of tests) if (!test(doc)) return false
    return true
  }
}

const idsNamed = (value: string, names: ReadonlyMap<string, string>): Set<string> => {
  const wanted = fold(value)
  const ids = new Set<string>([value])
  for (const [id, name] of names) if (fold(name) === wanted) ids.add(id)
  return ids
}

function compileOne(
  index: InvertedIndex,
  filter: QueryFilter,
  names: FilterNames,
  now: number,
): DocTest | null {
  switch (filter.kind) {
    case 'in-trash':
      return null // handled above, together with the default of hiding the trash
    case 'tag': {
      const wanted = fold(filter.value)
      return (d) => index.tags[d]!.includes(wanted)
    }
    case 'notebook': {
      const ids = idsNamed(filter.value, names.notebooks)
      return (d) => ids.has(index.notebookIds[d]!)
    }
    case 'board': {
      const ids = idsNamed(filter.value, names.boards)
      return (d) => ids.has(index.boardIds[d]!)
    }
    case 'has-attachment':
      return (d) => (index.flags[d]! & FLAG_ATTACHMENT) !== 0
    case 'has-followup':
      return (d) => (index.flags[d]! & FLAG_FOLLOWUP) !== 0
    case 'is-done':
      return (d) => (index.flags[d]! & FLAG_DONE) !== 0
    case 'due': {
      const { from, to } = dueRange(filter.range, now)
      // A finished follow-up is not overdue, whatever date it carried.
      return (d) => {
        const due = index.due[d]!
        return !Number.isNaN(due) && due >= from && due < to && (index.flags[d]! & FLAG_DONE) === 0
      }
    }
    case 'date': {
      const column = filter.field === 'createdAt' ? index.created : index.updated
      const { from, to, op } = filter
      if (op === '>') return (d) => column[d]! >= to
      if (op === '<') return (d) => column[d]! < from
      return (d) => column[d]! >= from && column[d]! < to
    }
  }
}
