import { useEditorState, type Editor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'

interface Tool {
  key: 'bold' | 'italic' | 'strike' | 'heading' | 'bulletList' | 'orderedList' | 'blockquote' | 'codeBlock'
  glyph: string
  shortcut: string
  isActive: (editor: Editor) => boolean
  run: (editor: Editor) => void
}

// Shortcuts are StarterKit's own keymap; they are listed here only so tooltips can teach them.
const TOOLS: Tool[] = [
  {
    key: 'bold',
    glyph: 'B',
    shortcut: 'Mod-B',
    isActive: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    glyph: 'I',
    shortcut: 'Mod-I',
    isActive: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    key: 'strike',
    glyph: 'S',
    shortcut: 'Mod-Shift-S',
    isActive: (e) => e.isActive('strike'),
    run: (e) => e.chain().focus().toggleStrike().run(),
  },
  {
    key: 'heading',
    glyph: 'H',
    shortcut: 'Mod-Alt-2',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    key: 'bulletList',
    glyph: '•',
    shortcut: 'Mod-Shift-8',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    glyph: '1.',
    shortcut: 'Mod-Shift-7',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    key: 'blockquote',
    glyph: '❝',
    shortcut: 'Mod-Shift-B',
    isActive: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  {
    key: 'codeBlock',
    glyph: '{}',
    shortcut: 'Mod-Alt-C',
    isActive: (e) => e.isActive('codeBlock'),
    run: (e) => e.chain().focus().toggleCodeBlock().run(),
  },
]

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const shortcutLabel = (shortcut: string) => shortcut.replace('Mod', isMac ? '⌘' : 'Ctrl').replaceAll('-', '+')

export function EditorToolbar({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation()
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? TOOLS.map((tool) => tool.isActive(e)) : TOOLS.map(() => false)),
  })
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {TOOLS.map((tool, index) => {
        const label = t(`toolbar.${tool.key}`)
        return (
          <button
            key={tool.key}
            type="button"
            className={`tool tool-${tool.key}`}
            aria-label={label}
            aria-pressed={active?.[index] ?? false}
            title={`${label} (${shortcutLabel(tool.shortcut)})`}
            disabled={!editor}
            // Keep the text selection in the editor when the button is clicked.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => editor && tool.run(editor)}
          >
            <span aria-hidden="true">{tool.glyph}</span>
          </button>
        )
      })}
    </div>
  )
}
