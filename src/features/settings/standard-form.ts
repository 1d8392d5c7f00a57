import type { Standard } from '../../../electron/shared/followups/standards'

/** What the standard editor holds while the user types: text fields, checked only on save. */
export interface StandardDraft {
  name: string
  unit: Standard['unit']
  /** Offsets from the first contact, e.g. "2, 5, 10, 20, 30". */
  steps: string
  /** Blank keeps following up at the last gap without end. */
  maxAttempts: string
}

export type DraftProblem = 'name' | 'steps' | 'stepsOrder' | 'maxAttempts'

export const draftOf = (s: Standard): StandardDraft => ({
  name: s.name,
  unit: s.unit,
  steps: s.offsets.join(', '),
  maxAttempts: s.repeat ? '' : String(s.offsets.length),
})

export const emptyDraft = (): StandardDraft => ({ name: '', unit: 'days', steps: '', maxAttempts: '' })

const MAX_STEPS = 50

/**
 * The standard a draft describes, or what is wrong with it. Max attempts shorter than the steps drops
 * the later steps; longer repeats the last gap until there are that many (the model stores offsets).
 */
export function standardFromDraft(
  draft: StandardDraft,
  id: string,
): { ok: true; standard: Standard } | { ok: false; problem: DraftProblem } {
  const name = draft.name.trim()
  if (!name || name.length > 100) return { ok: false, problem: 'name' }
  const parts = draft.steps.split(/[\s,;]+/).filter(Boolean)
  const steps = parts.map(Number)
  if (
    !steps.length ||
    steps.length > MAX_STEPS ||
    steps.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)
  )
    return { ok: false, problem: 'steps' }
  if (steps.some((n, i) => i > 0 && n <= steps[i - 1]!)) return { ok: false, problem: 'stepsOrder' }
  const max = draft.maxAttempts.trim()
  if (max === '') return { ok: true, standard: { id, name, unit: draft.unit, offsets: steps, repeat: true } }
  const n = Number(max)
  if (!Number.isInteger(n) || n < 1 || n > MAX_STEPS) return { ok: false, problem: 'maxAttempts' }
  const offsets = steps.slice(0, n)
  const gap = steps.length > 1 ? steps.at(-1)! - steps.at(-2)! : steps[0]!
  while (offsets.length < n) offsets.push(offsets.at(-1)! + gap)
  if (offsets.at(-1)! > 100_000) return { ok: false, problem: 'maxAttempts' }
  return { ok: true, standard: { id, name, unit: draft.unit, offsets, repeat: false } }
}

/** A stable id for a new standard: its name as a slug, or a fresh one for names without Latin letters. */
export function newStandardId(name: string, taken: readonly string[], random = Math.random): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  const base = slug || `standard-${Math.floor(random() * 36 ** 4).toString(36)}`
  let id = base
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`
  return id
}
