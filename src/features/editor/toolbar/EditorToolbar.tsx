import { useEditorState, type Editor } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { GROUPS, TABLE, type Popover, type ToolAction } from './actions'
import { ToolIcon } from './icons'
import { nextToolIndex, shortcutLabel } from './shortcut-label'
import './EditorToolbar.css'

interface Props {
  editor: Editor | null
  onPopover: (which: Popover) => void
}

interface ToolState {
  active: boolean
  enabled: boolean
}

/**
 * The formatting toolbar: one Tab stop, arrow keys (and Home/End) move between buttons, as the WAI-ARIA
 * toolbar pattern asks. Table buttons join the row only while the caret is inside a table.
 */
export function EditorToolbar({ editor, onPopover }: Props) {
  const { t } = useTranslation()
  const [focusIndex, setFocusIndex] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  const snapshot = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const inTable = !!e?.isActive('table')
      const groups = inTable ? [...GROUPS, { key: 'table', actions: TABLE }] : GROUPS
      const state = (action: ToolAction): ToolState => ({
        active: !!e && (action.isActive?.(e) ?? false),
        enabled: !!e && e.isEditable && (action.canRun?.(e) ?? true),
      })
      return { inTable, states: groups.map((group) => group.actions.map(state)) }
    },
  })
  const groups = snapshot?.inTable ? [...GROUPS, { key: 'table', actions: TABLE }] : GROUPS
  const flat = groups.flatMap((group, g) =>
    group.actions.map((action, a) => ({
      action,
      state: snapshot?.states[g]?.[a] ?? { active: false, enabled: false },
    })),
  )
  const enabled = flat.map((item) => item.state.enabled)
  // The Tab stop stays on an enabled button even when the one it was on becomes disabled (e.g. Undo).
  const tabStop = enabled[focusIndex] ? focusIndex : Math.max(0, enabled.indexOf(true))

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = nextToolIndex(tabStop, event.key, enabled)
    if (next === null) return
    event.preventDefault()
    setFocusIndex(next)
    buttons.current[next]?.focus()
  }

  const offsets = groups.map((_, g) =>
    groups.slice(0, g).reduce((sum, group) => sum + group.actions.length, 0),
  )
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={onKeyDown}>
      {groups.map((group, g) => (
        <div
          key={group.key}
          className={`tool-group tool-group-${group.key}`}
          role="group"
          aria-label={t(`toolbar.group.${group.key}`)}
        >
          {g > 0 && <span className="tool-separator" aria-hidden="true" />}
          {group.actions.map((action, a) => {
            const i = offsets[g]! + a
            const { state } = flat[i]!
            const label = t(`toolbar.${action.key}`)
            const tip = action.shortcut ? `${label} (${shortcutLabel(action.shortcut)})` : label
            const toggles = action.isActive !== undefined && group.key !== 'table'
            return (
              <button
                key={action.key}
                ref={(node) => {
                  buttons.current[i] = node
                }}
                type="button"
                className={`tool tool-${action.key}`}
                aria-label={label}
                aria-pressed={toggles ? state.active : undefined}
                aria-keyshortcuts={action.shortcut?.replace('Mod', 'Control')}
                title={tip}
                tabIndex={i === tabStop ? 0 : -1}
                disabled={!state.enabled}
                // Keep the editor's selection: the button acts on it and focus returns to the text.
                onMouseDown={(event) => event.preventDefault()}
                onFocus={() => setFocusIndex(i)}
                onClick={() => editor && action.run(editor, { openPopover: onPopover })}
              >
                {action.icon ? (
                  <ToolIcon name={action.icon} />
                ) : (
                  <span aria-hidden="true">{action.glyph}</span>
                )}
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
