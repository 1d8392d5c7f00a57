import { Node, mergeAttributes } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import i18next from 'i18next'
import {
  ATTACHMENT_NODE,
  MAX_ATTACHMENT_BYTES,
  formatBytes,
  isInlineImage,
  type AttachmentRef,
} from '../../../../../electron/shared/domain/attachment'
import { attachmentNodeView } from './node-view'
import { ProblemView } from './problem-view'
import { remoteImagesPlugin } from './remote-images'
import {
  attachmentUrlBase,
  shouldAttachPaste,
  uploadFiles,
  type AttachmentApi,
  type UploadOutcome,
} from './upload'

export interface AttachmentOptions {
  /** Where attachment calls go; window.tickler unless a test hands in a fake. */
  api: () => AttachmentApi
  /** Filled from attachments.info on first use; core enforces the same limit whatever this says. */
  maxBytes: number
}

interface AttachmentStorage {
  /** The editor's alert box, once its view exists: where upload and opening problems are said. */
  problems: ProblemView | undefined
}

declare module '@tiptap/core' {
  interface Storage {
    attachment: AttachmentStorage
  }
  interface Commands<ReturnType> {
    attachment: {
      /** Inserts a stored attachment at the selection. */
      insertAttachment: (ref: AttachmentRef) => ReturnType
    }
  }
}

const key = new PluginKey('attachmentUpload')

function describeFailures(outcomes: UploadOutcome[], limit: number): string[] {
  return outcomes.flatMap((o) =>
    o.ok
      ? []
      : o.reason === 'too-large'
        ? [i18next.t('attachments.tooLarge', { name: o.file.name, limit: formatBytes(limit) })]
        : [i18next.t('attachments.failed', { name: o.file.name, message: o.message ?? '' })],
  )
}

/**
 * Pasted and dropped files become content-addressed attachments in the library, referenced from the
 * document by file name (`<sha256>.<ext>`). Pictures show inline; anything else is a chip that opens
 * with the OS. The bytes never live in the document.
 */
export const Attachment = Node.create<AttachmentOptions, AttachmentStorage>({
  name: ATTACHMENT_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { api: () => window.tickler, maxBytes: MAX_ATTACHMENT_BYTES }
  },

  addStorage() {
    return { problems: undefined }
  },

  addAttributes() {
    return {
      file: { default: null, parseHTML: (el) => el.getAttribute('data-attachment') },
      name: { default: '', parseHTML: (el) => el.getAttribute('data-name') ?? '' },
      size: { default: 0, parseHTML: (el) => Number(el.getAttribute('data-size')) || 0 },
      mime: { default: '', parseHTML: (el) => el.getAttribute('data-mime') ?? '' },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-attachment]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const { file, name, size, mime } = node.attrs as AttachmentRef
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        'data-attachment': file,
        'data-name': name,
        'data-size': size,
        'data-mime': mime,
      }),
      name,
    ]
  },

  addNodeView() {
    return attachmentNodeView(
      this.options.api,
      (file, name) => void openAttachment(this.options.api(), file, name, this.storage),
    )
  },

  addCommands() {
    return {
      insertAttachment:
        (ref) =>
        ({ commands }) =>
          commands.insertContent({ type: ATTACHMENT_NODE, attrs: { ...ref } }),
    }
  },

  addKeyboardShortcuts() {
    return {
      // A selected file chip opens with Enter, so it is reachable without a mouse.
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== ATTACHMENT_NODE)
          return false
        const ref = selection.node.attrs as AttachmentRef
        if (isInlineImage(ref.mime)) return false
        void openAttachment(this.options.api(), ref.file, ref.name, this.storage)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    const storage = this.storage
    const insertFiles = async (view: EditorView, files: File[], at: number | null) => {
      const api = options.api()
      const limit = await api.attachments.info({}).then(
        (i) => i.maxBytes,
        () => options.maxBytes,
      )
      const outcomes = await uploadFiles(api, files, limit)
      storage.problems?.show(describeFailures(outcomes, limit))
      const refs = outcomes.flatMap((o) => (o.ok ? [o.ref] : []))
      if (refs.length === 0 || view.isDestroyed) return
      const type = view.state.schema.nodes[ATTACHMENT_NODE]!
      const nodes = refs.map((ref) => type.create(ref))
      const pos = at ?? view.state.selection.from
      const tr = view.state.tr.insert(Math.min(pos, view.state.doc.content.size), nodes)
      view.dispatch(tr.scrollIntoView())
    }
    return [
      new Plugin({
        key,
        view: (view) => {
          // One editor, one plugin instance: this is that editor's alert box.
          const problems = new ProblemView(view)
          storage.problems = problems
          return {
            destroy: () => {
              problems.destroy()
              if (storage.problems === problems) storage.problems = undefined
            },
          }
        },
        props: {
          handlePaste: (view, event) => {
            const data = event.clipboardData
            if (!data || !shouldAttachPaste(data)) return false
            void insertFiles(view, Array.from(data.files), null)
            return true
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = Array.from(event.dataTransfer?.files ?? [])
            if (moved || files.length === 0) return false
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null
            void insertFiles(view, files, at)
            return true
          },
        },
      }),
      remoteImagesPlugin(options.api, (messages) => storage.problems?.show(messages)),
    ]
  },
})

/**
 * Opens with the OS; where the host cannot (the browser preview), the file is downloaded instead. A type
 * that could run a program is neither opened nor downloaded: core shows it in its folder, and this says why.
 */
async function openAttachment(api: AttachmentApi, file: string, name: string, storage: AttachmentStorage) {
  const result = await api.attachments
    .open({ file })
    .catch(() => ({ opened: false, blocked: false, shownInFolder: false }))
  if (result.opened) return
  if (result.blocked) {
    const type = file.slice(file.lastIndexOf('.') + 1)
    const key = result.shownInFolder ? 'attachments.blockedShown' : 'attachments.blocked'
    storage.problems?.show([i18next.t(key, { name, type })])
    return
  }
  const link = document.createElement('a')
  link.href = `${await attachmentUrlBase(api)}${file}`
  link.download = name
  link.rel = 'noopener'
  link.click()
}
