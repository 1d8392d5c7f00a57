import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import i18next from 'i18next'
import { ProblemView } from '../extensions/attachment/problem-view'
import { fitPaste, type DocLimits, type PasteOutcome } from './paste-limit'

export interface PasteLimitOptions {
  /** Where the limits come from; core (notes.limits) unless a test hands in others. */
  limits: () => Promise<DocLimits>
}

/** What the user reads after a paste the limits changed or stopped. */
function message(outcome: Exclude<PasteOutcome, { kind: 'fits' }>, limits: DocLimits): string {
  const values = {
    depth: limits.depth,
    label: limits.label,
    count: limits.nodes.toLocaleString(i18next.language),
  }
  if (outcome.kind === 'flattened') return i18next.t('editor.pasteFlattened', values)
  return i18next.t(`editor.pasteRefused.${outcome.why}`, values)
}

/**
 * Applies the model's document limits to every paste (fitPaste): a paste that would go past them is
 * flattened or refused with a message in the editor's alert box, before anything is changed. Until core
 * has answered, a paste goes through as usual, and core still refuses to save a note past them.
 */
export const PasteLimit = Extension.create<PasteLimitOptions>({
  name: 'pasteLimit',
  addOptions() {
    // async: where there is no window.tickler (unit tests), the paste simply goes through unchecked.
    return { limits: async () => window.tickler.notes.limits({}) }
  },
  addProseMirrorPlugins() {
    let limits: DocLimits | null = null
    let problems: ProblemView | null = null
    const fetched = this.options.limits().then(
      (answer) => void (limits = answer),
      () => undefined,
    )
    void fetched
    return [
      new Plugin({
        key: new PluginKey('pasteLimit'),
        view: (view) => {
          problems = new ProblemView(view)
          return { destroy: () => problems?.destroy() }
        },
        props: {
          handlePaste: (view, _event, slice) => {
            if (!limits) return false
            const outcome = fitPaste(view.state, slice, limits)
            if (outcome.kind === 'fits') return false
            if (outcome.kind === 'flattened')
              view.dispatch(outcome.tr.scrollIntoView().setMeta('paste', true))
            problems?.show([message(outcome, limits)])
            return true
          },
        },
      }),
    ]
  },
})
