import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteDoc } from '../../../electron/shared/model'
import { EditorToolbar } from './EditorToolbar'
import { noteExtensions } from './extensions'

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
  const onChangeRef = useRef(onChange)
  useLayoutEffect(() => {
    onChangeRef.current = onChange
  })
  const editor = useEditor({
    extensions: noteExtensions(t('note.bodyPlaceholder')),
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

  return (
    <div className="editor">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} className="editor-content" />
    </div>
  )
}
