import { Extension } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, Transform, type StepMap } from '@tiptap/pm/transform'
import { applyChanges } from './apply-changes'
import { diffDocs } from './doc-diff'

/**
 * What the editor knows of the stored note: `base`, the document the library last had as far as this
 * editor knows, and `local`, the user's own edits since (their step maps), which a remote change is
 * mapped through. `epoch` changes with every merge, so a save read before it cannot move the base.
 */
interface BaseState {
  base: Node
  local: readonly StepMap[]
  epoch: number
}

/** A point the autosave read the document at; once that save is stored, it becomes the base. */
export interface Checkpoint {
  doc: Node
  at: number
  epoch: number
}

const key = new PluginKey<BaseState>('remoteMerge')
// Not in the app's note schema yet: until the open note takes newer versions through mergeRemote and
// autosave confirms its checkpoints, `local` would only grow. Its tests load it beside the schema.
const REMOTE = 'remoteMerge.remote'

export const RemoteMerge = Extension.create({
  name: 'remoteMerge',
  addProseMirrorPlugins() {
    return [
      new Plugin<BaseState>({
        key,
        state: {
          init: (_config, state) => ({ base: state.doc, local: [], epoch: 0 }),
          apply: (tr, value) => {
            const next = tr.getMeta(key) as BaseState | undefined
            if (next) return next
            if (!tr.docChanged) return value
            return { ...value, local: [...value.local, ...tr.mapping.maps] }
          },
        },
      }),
    ]
  },
})

const baseOf = (state: EditorState): BaseState => {
  const value = key.getState(state)
  if (!value) throw new Error('The editor has no RemoteMerge extension')
  return value
}

/** True for the transaction a remote change arrived in (the user did not type it). */
export const isRemoteChange = (tr: Transaction): boolean => tr.getMeta(REMOTE) === true

export function checkpoint(state: EditorState): Checkpoint {
  const { local, epoch } = baseOf(state)
  return { doc: state.doc, at: local.length, epoch }
}

/** The save read at `point` is stored: its document is the base now, and only later edits are local. */
export function confirmCheckpoint(state: EditorState, point: Checkpoint): Transaction | null {
  const { local, epoch } = baseOf(state)
  if (point.epoch !== epoch) return null
  const next: BaseState = { base: point.doc, local: local.slice(point.at), epoch }
  return state.tr.setMeta(key, next).setMeta('addToHistory', false)
}

/**
 * The transaction that brings `incoming` (a newer stored version) into the editor as a merge: the
 * difference between the base and `incoming`, mapped through the user's edits since the base, outside the
 * undo history. `incoming` becomes the base; `same` says whether the editor now holds exactly `incoming`
 * (nothing of the user's is left to save).
 */
export function mergeRemote(state: EditorState, incoming: Node): { tr: Transaction; same: boolean } {
  const { base, local, epoch } = baseOf(state)
  let tr = state.tr
  applyChanges(tr, base, diffDocs(base, incoming), new Mapping(local))
  if (local.length === 0 && !tr.doc.eq(incoming)) {
    // Nothing of the user's to keep: whatever the diff missed, the editor shows what was stored.
    tr = state.tr.replaceWith(0, state.doc.content.size, incoming.content)
  }
  const next: BaseState = { base: incoming, local: localSince(incoming, tr.doc), epoch: epoch + 1 }
  tr.setMeta(key, next).setMeta(REMOTE, true).setMeta('addToHistory', false)
  return { tr, same: tr.doc.eq(incoming) }
}

/** The user's edits as seen from the new base: the same fine-grained diff, from `incoming` to the merge. */
function localSince(incoming: Node, merged: Node): readonly StepMap[] {
  const t = new Transform(incoming)
  applyChanges(t, incoming, diffDocs(incoming, merged), new Mapping())
  if (t.doc.eq(merged)) return t.mapping.maps
  // Should the diff ever miss, one map spanning the document still keeps every position inside it.
  const whole = new Transform(incoming).replaceWith(0, incoming.content.size, merged.content)
  return whole.mapping.maps
}
