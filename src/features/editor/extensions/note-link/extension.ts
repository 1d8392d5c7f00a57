import { Node, mergeAttributes } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { NO_DIRECTORY, type NoteDirectory } from './directory'
import { NOTE_LINK, linkAttrsOf, type NoteLinkAttrs } from './link-attrs'
import { noteLinkView } from './node-view'
import { linkQueryAt, type LinkQuery } from './suggest'

export interface NoteLinkOptions {
  /** Titles now and how to open a note; read on every use, so the app can hand in its latest. */
  directory: () => NoteDirectory
  /** `[[` typed (query), changed, or left (null): the app shows or hides its popup at the caret. */
  onQuery: (query: LinkQuery | null, view: EditorView) => void
  /** A key pressed while a query is open; true when the popup used it (arrows, Enter, Escape). */
  onQueryKey: (event: KeyboardEvent) => boolean
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    noteLink: {
      /** Inserts a link to a note at the selection (replacing `range` when given, such as the typed `[[words`). */
      insertNoteLink: (
        target: { id: string; title: string; label?: string | null },
        range?: { from: number; to: number },
      ) => ReturnType
      /** Closes the `[[` popup for the words typed so far; typing a new `[[` opens it again. */
      dismissNoteLinkQuery: () => ReturnType
    }
  }
}

const queryKey = new PluginKey<{ dismissedAt: number | null }>('noteLinkQuery')
const titlesKey = new PluginKey('noteLinkTitles')

/**
 * A link to another note: an inline atom holding the target's id, the title it was stored with and the
 * link's own words (shared/model.ts checks the same attributes). It is drawn by noteLinkView, opened on
 * click and on Enter, and typing `[[` offers notes to link to.
 */
export const NoteLink = Node.create<NoteLinkOptions>({
  name: NOTE_LINK,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { directory: () => NO_DIRECTORY, onQuery: () => undefined, onQueryKey: () => false }
  },

  addAttributes() {
    return {
      id: { default: '', parseHTML: (el) => el.getAttribute('data-note-link') ?? '' },
      title: { default: '', parseHTML: (el) => el.getAttribute('data-title') ?? el.textContent ?? '' },
      label: { default: null, parseHTML: (el) => el.getAttribute('data-label') || null },
    }
  },

  parseHTML() {
    return [{ tag: 'a[data-note-link]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = linkAttrsOf(node.attrs)
    return [
      'a',
      mergeAttributes(HTMLAttributes, {
        'data-note-link': attrs.id,
        'data-title': attrs.title,
        'data-label': attrs.label,
      }),
      attrs.label ?? attrs.title,
    ]
  },

  renderText({ node }) {
    const attrs = linkAttrsOf(node.attrs)
    return attrs.label ?? attrs.title
  },

  addNodeView() {
    return noteLinkView(this.options.directory)
  },

  addCommands() {
    return {
      insertNoteLink:
        (target, range) =>
        ({ chain }) => {
          const label =
            target.label?.trim() && target.label.trim() !== target.title ? target.label.trim() : null
          const attrs: NoteLinkAttrs = { id: target.id, title: target.title, label }
          const content = [
            { type: NOTE_LINK, attrs },
            { type: 'text', text: ' ' },
          ]
          return (range ? chain().insertContentAt(range, content) : chain().insertContent(content)).run()
        },
      dismissNoteLinkQuery:
        () =>
        ({ state, dispatch }) => {
          const query = linkQueryAt(state)
          if (!query) return false
          dispatch?.(state.tr.setMeta(queryKey, { dismissedAt: query.from }))
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      // A selected link opens with Enter, as a focused one does.
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== NOTE_LINK) return false
        const { id } = linkAttrsOf(selection.node.attrs)
        if (this.options.directory().titleOf(id) !== null) this.options.directory().open(id)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    return [queryPlugin(options), titlesPlugin(options.directory)]
  },
})

/** Tells the app about the `[[` query at the caret, and gives it the keys while it shows one. */
function queryPlugin(options: NoteLinkOptions): Plugin {
  const current = (view: EditorView): LinkQuery | null => {
    const query = linkQueryAt(view.state)
    return query && queryKey.getState(view.state)?.dismissedAt !== query.from ? query : null
  }
  return new Plugin({
    key: queryKey,
    state: {
      init: (): { dismissedAt: number | null } => ({ dismissedAt: null }),
      apply: (tr, value, _old, state) => {
        const dismissed = tr.getMeta(queryKey) as { dismissedAt: number } | undefined
        if (dismissed) return dismissed
        if (value.dismissedAt === null || !tr.docChanged) return value
        // The dismissal belongs to those `[[` words: it moves with them, and ends when they are gone, so
        // deleting the `[[` and typing it again in the same place opens the popup again.
        const at = tr.mapping.map(value.dismissedAt)
        return { dismissedAt: linkQueryAt(state)?.from === at ? at : null }
      },
    },
    view: (view) => {
      let last = ''
      const tell = (v: EditorView) => {
        const query = current(v)
        const key = query ? `${query.from}:${query.query}` : ''
        if (key === last) return
        last = key
        options.onQuery(query, v)
      }
      return {
        update: tell,
        destroy: () => options.onQuery(null, view),
      }
    },
    props: {
      handleKeyDown: (view, event) => {
        // Keys that finish a Korean syllable belong to the IME, never to the popup.
        if (event.isComposing || view.composing || !current(view)) return false
        return options.onQueryKey(event)
      },
    },
  })
}

/**
 * Keeps each link's stored title equal to its target's title now, so the note's text, search and exports
 * read the new name after a rename. Not an undo step; never while a syllable is being composed.
 */
function titlesPlugin(directory: () => NoteDirectory): Plugin {
  return new Plugin({
    key: titlesKey,
    view: (view) => {
      let waiting = true
      const refresh = () => {
        if (view.isDestroyed) return
        if (view.composing) return void (waiting = true)
        waiting = false
        const tr = view.state.tr
        view.state.doc.descendants((node, pos) => {
          if (node.type.name !== NOTE_LINK) return
          const attrs = linkAttrsOf(node.attrs)
          const now = directory().titleOf(attrs.id)
          if (now && now !== attrs.title) tr.setNodeAttribute(pos, 'title', now)
        })
        if (tr.docChanged) view.dispatch(tr.setMeta('addToHistory', false))
      }
      const stop = directory().subscribe(refresh)
      // Not while the view is still being built: after it, in a microtask.
      queueMicrotask(refresh)
      return {
        update: () => {
          if (waiting && !view.composing) queueMicrotask(refresh)
        },
        destroy: stop,
      }
    },
  })
}
