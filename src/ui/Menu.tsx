import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Rect } from '../lib/popup-position'
import { usePopupPosition } from '../lib/use-popup-position'

export interface MenuItem {
  id: string
  label: string
  onSelect: () => void
  danger?: boolean
  checked?: boolean
}

interface PopupProps {
  label: string
  items: MenuItem[]
  onClose: (returnFocus: boolean) => void
  /** What opened the menu (its button, or the point of a right-click): the menu sits below it, in the window. */
  anchor: () => Rect | null
  /** Which edge of the anchor the menu lines up with. */
  align?: 'start' | 'end'
}

/**
 * A WAI-ARIA menu: focus moves into it on open, arrows/Home/End move, Enter or Space picks, Escape
 * closes and returns focus, and a click outside closes it.
 */
export function MenuPopup({ label, items, onClose, anchor, align = 'start' }: PopupProps) {
  const ref = useRef<HTMLDivElement>(null)
  const place = usePopupPosition(anchor, { align, gap: 4 }, ref)
  useLayoutEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
  }, [])
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose(false)
    }
    document.addEventListener('pointerdown', onPointer, true)
    return () => document.removeEventListener('pointerdown', onPointer, true)
  }, [onClose])

  const onKeyDown = (event: KeyboardEvent) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]
    const at = entries.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus()
    if (event.key === 'ArrowDown') go(at + 1)
    else if (event.key === 'ArrowUp') go(at - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(entries.length - 1)
    else if (event.key === 'Escape') onClose(true)
    else if (event.key === 'Tab') return onClose(false)
    else return
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div ref={place} role="menu" aria-label={label} className="menu-popup" onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked={item.checked}
          tabIndex={-1}
          className={`menu-item${item.danger ? ' is-danger' : ''}`}
          onClick={() => {
            onClose(true)
            item.onSelect()
          }}
        >
          {item.checked !== undefined && (
            <span className="menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
          )}
          {item.label}
        </button>
      ))}
    </div>
  )
}

interface ButtonProps {
  label: string
  menuLabel?: string
  items: () => MenuItem[]
  className?: string
  children?: React.ReactNode
  align?: 'left' | 'right'
}

/** A button that opens a MenuPopup below itself. */
export function MenuButton({ label, menuLabel, items, className, children, align = 'left' }: ButtonProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <span className="menu-anchor">
      <button
        ref={button}
        type="button"
        className={className ?? 'icon-button'}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {children ?? <span className="dots" aria-hidden="true" />}
      </button>
      {open && (
        <MenuPopup
          label={menuLabel ?? label}
          items={items()}
          anchor={() => button.current?.getBoundingClientRect() ?? null}
          align={align === 'right' ? 'end' : 'start'}
          onClose={(returnFocus) => {
            setOpen(false)
            if (returnFocus) button.current?.focus()
          }}
        />
      )}
    </span>
  )
}
