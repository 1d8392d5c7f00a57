import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { sanitizePastedHtml } from './sanitize-html'

/** Runs every HTML paste and drop through `sanitizePastedHtml` before the schema parses it. */
export const PasteSanitizer = Extension.create({
  name: 'pasteSanitizer',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteSanitizer'),
        props: { transformPastedHTML: (html) => sanitizePastedHtml(html) },
      }),
    ]
  },
})
