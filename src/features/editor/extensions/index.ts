import Highlight from '@tiptap/extension-highlight'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import Placeholder from '@tiptap/extension-placeholder'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { CodeBlock } from './code-block'
import { Attachment } from './attachment'
import { ImeGuard } from './ime-guard'
import { NoteLink, type NoteLinkOptions } from './note-link'
import { PasteLimit, PasteSanitizer } from './paste'
import { SafeImage } from './safe-image'
import { LinkOpener, LinkTarget, isAllowedLink } from './safe-link'
import { SelectionSync } from './selection-sync'

export interface NoteExtensionOptions {
  placeholder: string
  /** Opens an allowed link outside the app (window.tickler.shell.openExternal). */
  openLink: (href: string) => void
  /** Mod-K pressed in the text: show the link form. */
  onLinkShortcut: () => void
  /** The checkbox's accessible name for a checklist item with this text. */
  taskLabel: (text: string, checked: boolean) => string
  /** Links between notes: the titles and opener, and the `[[` popup's hooks (none: links just show). */
  noteLinks?: Partial<NoteLinkOptions>
}

/**
 * The note schema. Every node and mark here is one the core's plain-text derivation (doc-text.ts) and the
 * Markdown export understand; adding one means teaching them too.
 */
export function noteExtensions({
  placeholder,
  openLink,
  onLinkShortcut,
  taskLabel,
  noteLinks = {},
}: NoteExtensionOptions) {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      codeBlock: false,
      link: {
        // Plain clicks edit; Ctrl/⌘+click opens through LinkOpener, so the page never navigates.
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // One rule for typed, pasted, autolinked and stored links: http, https and mailto only.
        isAllowedUri: (url) => isAllowedLink(url),
        shouldAutoLink: (url) => isAllowedLink(url.includes(':') ? url : `https://${url}`),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Highlight,
    TaskList,
    TaskItem.configure({
      nested: true,
      a11y: { checkboxLabel: (node, checked) => taskLabel(node.textContent, checked) },
    }),
    TableKit.configure({ table: { resizable: false } }),
    CodeBlock,
    SafeImage,
    Attachment,
    NoteLink.configure(noteLinks),
    LinkOpener.configure({ open: openLink, onShortcut: onLinkShortcut }),
    LinkTarget,
    PasteSanitizer,
    PasteLimit,
    ImeGuard,
    SelectionSync,
    Placeholder.configure({ placeholder }),
  ]
}
