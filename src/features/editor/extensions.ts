import Placeholder from '@tiptap/extension-placeholder'
import StarterKit from '@tiptap/starter-kit'

export function noteExtensions(placeholder: string) {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // Links open through the main process (window open handler), never by navigating this window.
      link: { openOnClick: true, autolink: true, defaultProtocol: 'https' },
    }),
    Placeholder.configure({ placeholder }),
  ]
}
