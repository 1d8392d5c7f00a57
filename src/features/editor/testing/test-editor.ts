import { Editor, type AnyExtension } from '@tiptap/core'
import { afterEach } from 'vitest'
import type { NoteDoc } from '../../../../electron/shared/model'
import { noteExtensions, type NoteExtensionOptions } from '../extensions'

/**
 * A real editor with the note schema for each test, mounted in the page (focus and the DOM selection
 * work only there), destroyed after it. Call at the top of a test file; `extra` are extensions under test
 * that the app's editor does not load yet.
 */
export function testEditors(
  extra: AnyExtension[] = [],
): (content?: NoteDoc | string, options?: Partial<NoteExtensionOptions>) => Editor {
  let editor: Editor | undefined
  afterEach(() => {
    editor?.destroy()
    editor = undefined
    document.body.replaceChildren()
  })
  return (content = '', options = {}) => {
    editor = new Editor({
      element: document.body.appendChild(document.createElement('div')),
      extensions: [
        ...noteExtensions({
          placeholder: '',
          openLink: () => undefined,
          onLinkShortcut: () => undefined,
          taskLabel: (text) => text,
          ...options,
        }),
        ...extra,
      ],
      content,
    })
    return editor
  }
}
