import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteDoc } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { EditorToolbar } from './EditorToolbar'
import { noteExtensions } from './extensions'
import { applyImage, applyLink, currentLink } from './url-commands'
import { UrlPopover } from './UrlPopover'
import type { Popover } from './toolbar/actions'
import { WordCount } from './WordCount'

interface Props {
  initialDoc: NoteDoc
  onChange: (editor: Editor) => void
  onReady?: (editor: Editor | null) => void
}

/**
 * One editor per open note (the parent keys it by note id), so an editor's content always belongs to a
 * single note and a late callback can never write one note's text into another.
 */
export function NoteEditor({ initialDoc, onChange, onReady }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [popover, setPopover] = useState<Popover | null>(null)
  const onChangeRef = useRef(onChange)
  useLayoutEffect(() => {
    onChangeRef.current = onChange
  })
  const editor = useEditor({
    extensions: noteExtensions({
      placeholder: t('note.bodyPlaceholder'),
      openLink: (href) => void api.shell.openExternal({ url: href }).catch(() => undefined),
      onLinkShortcut: () => setPopover('link'),
      taskLabel: (text, checked) =>
        t(checked ? 'editor.taskDone' : 'editor.taskOpen', { text: text || t('editor.emptyTask') }),
    }),
    content: initialDoc,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': t('note.body'),
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'note-body',
        spellcheck: 'true',
      },
    },
    onUpdate: ({ editor: current }) => onChangeRef.current(current),
  })

  useEffect(() => {
    onReady?.(editor)
    return () => onReady?.(null)
  }, [editor, onReady])

  const close = () => {
    setPopover(null)
    editor?.commands.focus()
  }

  return (
    <div className="editor">
      <div className="toolbar-shell">
        <EditorToolbar editor={editor} onPopover={setPopover} />
        {editor && popover === 'link' && (
          <UrlPopover
            kind="link"
            initial={currentLink(editor)}
            onSubmit={(value) => applyLink(editor, value)}
            onRemove={
              currentLink(editor)
                ? () => editor.chain().focus().extendMarkRange('link').unsetLink().run()
                : undefined
            }
            onClose={close}
          />
        )}
        {editor && popover === 'image' && (
          <UrlPopover
            kind="image"
            initial=""
            onSubmit={(value) => applyImage(editor, value)}
            onClose={close}
          />
        )}
      </div>
      <EditorContent editor={editor} className="editor-content" />
      <WordCount editor={editor} />
    </div>
  )
}
