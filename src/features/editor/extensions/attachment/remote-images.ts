import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import i18next from 'i18next'
import { ATTACHMENT_NODE } from '../../../../../electron/shared/domain/attachment'
import type { AttachmentApi } from './upload'
import { messageOf } from '../../../../ui/message-of'

/** Set this meta on a transaction that inserts a web image (the image form does) to have it saved locally. */
export const SAVE_WEB_IMAGES = 'saveWebImages'

const key = new PluginKey('remoteImages')
const isWebAddress = (src: unknown): src is string => typeof src === 'string' && /^https?:\/\//i.test(src)

function insertsImages(tr: Transaction): boolean {
  const event = tr.getMeta('uiEvent') as unknown
  return tr.docChanged && (event === 'paste' || event === 'drop' || tr.getMeta(SAVE_WEB_IMAGES) === true)
}

function webImages(doc: PMNode): Set<string> {
  const found = new Set<string>()
  doc.descendants((node) => {
    if (node.type.name === 'image' && isWebAddress(node.attrs.src)) found.add(node.attrs.src)
  })
  return found
}

/** Replaces every image showing `src` with `make(imageNode)`, from the end so positions stay valid. */
function replaceImages(view: EditorView, src: string, make: (image: PMNode) => PMNode): void {
  const hits: { pos: number; node: PMNode }[] = []
  view.state.doc.descendants((node, pos) => {
    if (node.type.name === 'image' && node.attrs.src === src) hits.push({ pos, node })
  })
  if (hits.length === 0) return
  const tr = view.state.tr
  for (const { pos, node } of hits.reverse()) tr.replaceWith(pos, pos + node.nodeSize, make(node))
  view.dispatch(tr.setMeta('addToHistory', false))
}

/**
 * A picture pasted from a web page arrives as an address. Notes keep their own copy instead: main downloads
 * it into the attachments (content-addressed, like a pasted file), so it shows offline, never changes or
 * vanishes, and opening the note tells no server anything. The CSP refuses remote images anyway. When the
 * download fails the image becomes a link to its address, with a message, so nothing is lost silently.
 */
export function remoteImagesPlugin(api: () => AttachmentApi, report: (messages: string[]) => void): Plugin {
  const inFlight = new Set<string>()
  let editorView: EditorView | undefined

  const save = async (src: string) => {
    try {
      const ref = await api().attachments.fetch({ url: src })
      if (!editorView || editorView.isDestroyed) return
      const { schema } = editorView.state
      replaceImages(editorView, src, () =>
        schema.nodes.paragraph!.create(null, schema.nodes[ATTACHMENT_NODE]!.create({ ...ref })),
      )
    } catch (error) {
      if (!editorView || editorView.isDestroyed) return
      const message = messageOf(error)
      report([i18next.t('attachments.webImageFailed', { message })])
      const { schema } = editorView.state
      const link = schema.marks.link?.create({ href: src })
      replaceImages(editorView, src, (image) =>
        schema.nodes.paragraph!.create(null, schema.text(String(image.attrs.alt || src), link ? [link] : [])),
      )
    } finally {
      inFlight.delete(src)
    }
  }

  return new Plugin({
    key,
    view: (view) => {
      editorView = view
      return { destroy: () => (editorView = undefined) }
    },
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some(insertsImages)) return null
      // Deferred: appendTransaction must not dispatch; the download replaces the nodes when it finishes.
      for (const src of webImages(state.doc)) {
        if (inFlight.has(src)) continue
        inFlight.add(src)
        void Promise.resolve().then(() => save(src))
      }
      return null
    },
  })
}
