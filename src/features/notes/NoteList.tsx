import { measureElement, observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteSummary } from '../../../electron/shared/model'
import { pointRect } from '../../lib/popup-position'
import { useNow } from '../../lib/use-now'
import { NOTES_MIME } from '../../ui/note-drag'
import { MenuPopup, type MenuItem } from '../../ui/Menu'
import type { OrganizeActions } from '../organize/use-organize'
import { EmptyList } from './EmptyList'
import { ListHeader } from './ListHeader'
import { BulkBar } from './BulkBar'
import type { ListScope, SortKey } from './list-view'
import { NoteRow, estimateRowHeight, optionId, type RowHandlers } from './NoteRow'
import {
  clickSelect,
  emptySelection,
  extendTo,
  moveFocus,
  pruneSelection,
  single,
  type Selection,
} from './selection'
import './NoteList.css'

interface Props {
  heading: string
  scope: ListScope
  notes: NoteSummary[]
  openId: string | null
  loaded: boolean
  sort: SortKey
  onSort: (key: SortKey) => void
  onOpen: (id: string, focusNote?: boolean) => void
  onCreate: () => void
  actions: OrganizeActions
  notebooks: { id: string; label: string }[]
  knownTags: string[]
  /** Slot for the follow-up badge; the follow-ups feature decides what a due state looks like. */
  renderBadge?: (note: NoteSummary, now: Date) => ReactNode
}

type Menu = { kind: 'row' | 'move'; x: number; y: number; ids: string[] }

/** A virtualised listbox: one tab stop, arrows move, Shift/Ctrl(Cmd) select many, M moves, Delete trashes. */
export function NoteList(props: Props) {
  const { notes, openId, scope, actions } = props
  const { t } = useTranslation()
  const now = useNow()
  const scroller = useRef<HTMLDivElement>(null)
  const [selection, setSelection] = useState<Selection>(emptySelection)
  const [menu, setMenu] = useState<Menu | null>(null)
  const order = useMemo(() => notes.map((n) => n.id), [notes])
  const inTrash = scope.kind === 'trash'

  // The open note is the selection unless the person is building a multi-selection.
  useEffect(() => {
    setSelection((sel) => (openId && !sel.ids.has(openId) ? single(openId) : pruneSelection(sel, order)))
  }, [openId, order])

  // The virtualizer lays out every row again (100,000 of them) whenever getItemKey is a new function, so
  // both are kept until the list itself changes rather than made anew by each render.
  const estimateSize = useCallback((index: number) => estimateRowHeight(notes[index]!), [notes])
  const getItemKey = useCallback((index: number) => notes[index]!.id, [notes])
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh every render, never memoised
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    // Rows are as tall as their content; without layout (a DOM test) a row keeps its estimate.
    measureElement: (element, entry, instance) =>
      measureElement(element, entry, instance) ||
      estimateRowHeight(notes[Number(element.getAttribute('data-index'))]!),
    overscan: 8,
    // Without layout (a DOM test, a list not yet laid out) assume a window's height rather than no rows.
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) =>
        report(rect.height ? rect : { width: rect.width, height: window.innerHeight }),
      ),
  })

  const selectedIds = useMemo(() => order.filter((id) => selection.ids.has(id)), [order, selection])
  const focusIndex = useMemo(
    () => (selection.focus ? order.indexOf(selection.focus) : -1),
    [order, selection],
  )

  const reveal = (id: string) => virtualizer.scrollToIndex(order.indexOf(id), { align: 'auto' })

  const moveItems = (ids: string[]): MenuItem[] =>
    props.notebooks.map((nb) => ({
      id: nb.id,
      label: nb.label,
      onSelect: () => void actions.move(ids, nb.id),
    }))

  const rowItems = (ids: string[], x: number, y: number): MenuItem[] =>
    inTrash
      ? [
          { id: 'restore', label: t('organize.restore'), onSelect: () => void actions.restore(ids) },
          {
            id: 'forever',
            label: t('organize.deleteForever'),
            danger: true,
            onSelect: () => actions.deleteForever(ids),
          },
        ]
      : [
          {
            id: 'move',
            label: t('organize.moveTo'),
            onSelect: () => setTimeout(() => setMenu({ kind: 'move', x, y, ids })),
          },
          {
            id: 'trash',
            label: t('organize.toTrash'),
            danger: true,
            onSelect: () => void actions.trash(ids),
          },
        ]

  const menuAtFocus = (kind: Menu['kind']) => {
    const row = selection.focus ? document.getElementById(optionId(selection.focus)) : null
    const box = row?.getBoundingClientRect() ?? scroller.current?.getBoundingClientRect()
    if (box && selectedIds.length) setMenu({ kind, x: box.left + 24, y: box.top + 28, ids: selectedIds })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.metaKey || event.ctrlKey
    if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      setSelection({
        ids: new Set(order),
        anchor: order[0] ?? null,
        focus: selection.focus ?? order[0] ?? null,
      })
      return
    }
    const target = moveFocus(order, selection.focus ?? openId, event.key, 8)
    if (target) {
      event.preventDefault()
      reveal(target)
      if (event.shiftKey) setSelection((sel) => extendTo(sel, order, target))
      else {
        setSelection(single(target))
        props.onOpen(target)
      }
      return
    }
    const focus = selection.focus
    if (event.key === 'Enter' && focus) {
      event.preventDefault()
      props.onOpen(focus, true)
    } else if ((event.key === 'Delete' || (event.key === 'Backspace' && mod)) && selectedIds.length) {
      event.preventDefault()
      if (inTrash) actions.deleteForever(selectedIds)
      else void actions.trash(selectedIds)
    } else if (event.key.toLowerCase() === 'm' && !mod && !inTrash && selectedIds.length) {
      event.preventDefault()
      menuAtFocus('move')
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault()
      menuAtFocus('row')
    } else if (event.key === 'Escape' && selectedIds.length > 1 && focus) {
      setSelection(single(focus))
    }
  }

  const rowHandlers = useRef<RowHandlers>(null)
  useLayoutEffect(() => {
    rowHandlers.current = {
      click: (id, event) => {
        const next = clickSelect(selection, order, id, {
          shift: event.shiftKey,
          toggle: event.metaKey || event.ctrlKey,
        })
        setSelection(next)
        if (next.ids.size === 1 && next.ids.has(id)) props.onOpen(id)
      },
      contextMenu: (id, event) => {
        event.preventDefault()
        const ids = selection.ids.has(id) ? selectedIds : [id]
        if (!selection.ids.has(id)) setSelection(single(id))
        setMenu({ kind: 'row', x: event.clientX, y: event.clientY, ids })
      },
      dragStart: (id, event) => {
        const ids = selection.ids.has(id) ? selectedIds : [id]
        event.dataTransfer.setData(NOTES_MIME, JSON.stringify(ids))
        event.dataTransfer.setData(
          'text/plain',
          ids.map((x) => notes.find((n) => n.id === x)?.title ?? x).join('\n'),
        )
        event.dataTransfer.effectAllowed = 'move'
      },
    }
  })

  const closeMenu = (returnFocus: boolean) => {
    setMenu(null)
    if (returnFocus) scroller.current?.focus()
  }

  const empty = props.loaded && notes.length === 0
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <ListHeader
        heading={props.heading}
        count={notes.length}
        sort={props.sort}
        onSort={props.onSort}
        inTrash={inTrash}
        onEmptyTrash={() => actions.emptyTrash(notes.length)}
      />
      {selectedIds.length > 1 && (
        <BulkBar
          ids={selectedIds}
          inTrash={inTrash}
          actions={actions}
          moveItems={moveItems}
          knownTags={props.knownTags}
          onClear={() => setSelection(selection.focus ? single(selection.focus) : emptySelection)}
        />
      )}
      {empty ? (
        <EmptyList scope={scope} heading={props.heading} onCreate={props.onCreate} />
      ) : (
        <div
          ref={scroller}
          className="note-list"
          role="listbox"
          aria-label={t('list.label')}
          aria-multiselectable="true"
          aria-activedescendant={selection.focus && focusIndex >= 0 ? optionId(selection.focus) : undefined}
          aria-describedby="list-drag-hint"
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const note = notes[item.index]!
              return (
                <NoteRow
                  key={note.id}
                  note={note}
                  index={item.index}
                  total={notes.length}
                  selected={selection.ids.has(note.id)}
                  active={note.id === selection.focus}
                  open={note.id === openId}
                  now={now}
                  top={item.start}
                  renderBadge={props.renderBadge}
                  handlers={rowHandlers}
                  measure={virtualizer.measureElement}
                />
              )
            })}
          </div>
        </div>
      )}
      <p id="list-drag-hint" className="visually-hidden">
        {t('organize.dragHint')}
      </p>
      {menu && (
        <MenuPopup
          label={menu.kind === 'move' ? t('organize.moveToNotebook') : t('organize.bulkActions')}
          items={menu.kind === 'move' ? moveItems(menu.ids) : rowItems(menu.ids, menu.x, menu.y)}
          anchor={() => pointRect(menu.x, menu.y)}
          onClose={closeMenu}
        />
      )}
    </section>
  )
}
