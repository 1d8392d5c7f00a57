import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteDoc } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { EditorToolbar } from './EditorToolbar'
import { noteExtensions } from './extensions'
import { holdLinkTarget, releaseLinkTarget } from './safe-link'
import { applyImage, applyLink, currentLink, removeLink, targetRect } from './url-commands'
import { UrlPopover } from './UrlPopover'
import type { Popover } from './toolbar/actions'
import { useAttachmentLimit } from './use-attachment-limit'
import { WordCount } from './WordCount'

/** An open link or image form: what it is for and the words it holds (read when it opens). */
interface Form {
  kind: Popover
  href: string
  text: string
}

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
  const [form, setForm] = useState<Form | null>(null)
  const limit = useAttachmentLimit()
  /** Mod-K in the text opens the link form; the editor is built once, so it calls the latest opener. */
  const openFormRef = useRef<(kind: Popover) => void>(() => undefined)
  const onChangeRef = useRef(onChange)
  useLayoutEffect(() => {
    onChangeRef.current = onChange
  })
  const editor = useEditor({
    // eslint-disable-next-line react-hooks/refs -- the ref is read when Mod-K is pressed, never in render
    extensions: noteExtensions({
      placeholder: t('note.bodyPlaceholder'),
      openLink: (href) => void api.shell.openExternal({ url: href }).catch(() => undefined),
      onLinkShortcut: () => openFormRef.current('link'),
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

  // The held words are taken before the form takes focus: see holdLinkTarget.
  const openForm = (kind: Popover) => {
    if (!editor) return
    const href = kind === 'link' ? currentLink(editor) : ''
    const { from, to } = holdLinkTarget(editor, kind === 'link')
    setForm({ kind, href, text: editor.state.doc.textBetween(from, to, ' ') })
  }
  useLayoutEffect(() => {
    openFormRef.current = openForm
  })
  const close = (back: boolean) => {
    setForm(null)
    if (editor) releaseLinkTarget(editor, back)
  }

  return (
    <div className="editor">
      <div className="toolbar-shell">
        <EditorToolbar editor={editor} onPopover={openForm} />
      </div>
      {editor && form?.kind === 'link' && (
        <UrlPopover
          kind="link"
          initial={form.href}
          anchor={() => targetRect(editor)}
          hint={form.text ? t('urlForm.linkFor', { text: form.text }) : t('urlForm.linkInsert')}
          onSubmit={(value) => applyLink(editor, value)}
          onRemove={form.href ? () => removeLink(editor) : undefined}
          onClose={close}
        />
      )}
      {editor && form?.kind === 'image' && (
        <UrlPopover
          kind="image"
          initial=""
          anchor={() => targetRect(editor)}
          hint={limit ? t('urlForm.imageHint', { limit }) : undefined}
          onSubmit={(value) => applyImage(editor, value)}
          onClose={close}
        />
      )}
      <EditorContent editor={editor} className="editor-content" />
      <WordCount editor={editor} />
    </div>
  )
}
