import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteDoc } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { EditorToolbar } from './EditorToolbar'
import { noteExtensions } from './extensions'
import { NO_DIRECTORY, type LinkQuery, type NoteDirectory } from './extensions/note-link'
import { NoteLinkPicker } from './NoteLinkPicker'
import { holdLinkTarget, releaseLinkTarget } from './safe-link'
import { applyImage, applyLink, applyNoteLink, currentLink, removeLink, targetRect } from './url-commands'
import { UrlPopover } from './UrlPopover'
import type { Popover } from './toolbar/actions'
import type { Rect } from '../../lib/popup-position'
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
  /** The note being edited (never offered as a link target). */
  noteId?: string
  /** Titles of the notes links point at, and how to open one. */
  directory?: NoteDirectory
  onChange: (editor: Editor) => void
  onReady?: (editor: Editor | null) => void
}

/**
 * One editor per open note (the parent keys it by note id), so an editor's content always belongs to a
 * single note and a late callback can never write one note's text into another.
 */
export function NoteEditor({ initialDoc, noteId, directory = NO_DIRECTORY, onChange, onReady }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState<Form | null>(null)
  /** The `[[words` typed before the caret, while the popup for them shows. */
  const [typed, setTyped] = useState<LinkQuery | null>(null)
  const suggestKeys = useRef<((event: KeyboardEvent) => boolean) | null>(null)
  const directoryRef = useRef(directory)
  useLayoutEffect(() => {
    directoryRef.current = directory
  })
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
      noteLinks: {
        directory: () => directoryRef.current,
        onQuery: (query) => setTyped(query),
        onQueryKey: (event) => suggestKeys.current?.(event) ?? false,
      },
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
      {editor && form?.kind === 'noteLink' && (
        <NoteLinkPicker
          directory={directory}
          selfId={noteId}
          anchor={() => targetRect(editor)}
          onPick={(note) => {
            applyNoteLink(editor, note)
            close(false)
          }}
          onClose={close}
        />
      )}
      {editor && typed && !form && (
        <NoteLinkPicker
          key={typed.from}
          directory={directory}
          selfId={noteId}
          typed={typed.query}
          keysRef={suggestKeys}
          anchor={() => caretRect(editor, typed.from)}
          onPick={(note) =>
            editor.chain().focus().insertNoteLink(note, { from: typed.from, to: typed.to }).run()
          }
          onClose={(back) => {
            editor.commands.dismissNoteLinkQuery()
            if (back) editor.commands.focus()
          }}
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

/** Where `[[` starts on screen: the popup for it sits under it. */
function caretRect(editor: Editor, pos: number): Rect | null {
  if (editor.isDestroyed) return null
  try {
    const { left, top, bottom } = editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size))
    return { left, top, right: left, bottom }
  } catch {
    return null
  }
}
