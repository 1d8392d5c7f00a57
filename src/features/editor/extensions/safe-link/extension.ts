import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { isAllowedLink } from './link-policy'

export interface LinkOpenerOptions {
  /** Hands the URL to the OS browser or mail client (window.tickler.shell.openExternal in the app). */
  open: (href: string) => void
  /** Mod-K: asks the UI to show the link form. */
  onShortcut: () => void
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * Ctrl+click (⌘+click on macOS) opens a link; a plain click only places the caret, so editing text inside a
 * link stays easy. The page itself never navigates: the URL goes to the OS through `open`, and only if allowed.
 */
export const LinkOpener = Extension.create<LinkOpenerOptions>({
  name: 'linkOpener',
  addOptions() {
    return { open: () => undefined, onShortcut: () => undefined }
  },
  addProseMirrorPlugins() {
    const { open, onShortcut } = this.options
    return [
      new Plugin({
        key: new PluginKey('linkOpener'),
        props: {
          // Mod-K inside the text means "link"; stopping it here keeps the window-wide Mod-K (search) for
          // everywhere else, instead of both opening at once.
          handleKeyDown: (_view, event) => {
            const mod = isMac() ? event.metaKey : event.ctrlKey
            if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return false
            event.stopPropagation()
            onShortcut()
            return true
          },
          handleDOMEvents: {
            click: (_view, event) => {
              const anchor = (event.target as Element | null)?.closest?.('a[href]')
              if (!anchor) return false
              // Never let the browser follow a link inside the editor, modifier or not.
              event.preventDefault()
              const modifier = isMac() ? event.metaKey : event.ctrlKey
              const href = anchor.getAttribute('href')
              if (modifier && isAllowedLink(href)) open(href)
              return modifier
            },
          },
        },
      }),
    ]
  },
})
