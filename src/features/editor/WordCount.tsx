import { useEditorState, type Editor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { countText } from './word-count'
import './WordCount.css'

/** Words and characters of the note body, CJK-aware (see word-count.ts). */
export function WordCount({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation()
  const counts = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return { words: 0, characters: 0 }
      const { doc } = e.state
      return countText(doc.textBetween(0, doc.content.size, '\n', ' '))
    },
  })
  return (
    <p className="word-count" aria-live="off">
      {t('editor.words', { count: counts?.words ?? 0 })}
      <span aria-hidden="true"> · </span>
      {t('editor.characters', { count: counts?.characters ?? 0 })}
    </p>
  )
}
