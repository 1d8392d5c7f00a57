import { useEffect, useRef, useState, type ReactNode } from 'react'
import { usePopupPosition } from '../../lib/use-popup-position'

interface Props {
  id: string
  label: string
  menuLabel: string
  /** The menu's items as <li>s. Choosing any button in them closes the menu. */
  children: ReactNode
}

/**
 * A button that opens a small list of actions (Export, Import). Escape, a click elsewhere or choosing an
 * action closes it; Escape and actions return focus to the button.
 */
export function DropMenu({ id, label, menuLabel, children }: Props) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const placeList = usePopupPosition(() => button.current?.getBoundingClientRect() ?? null, { gap: 4 })
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  /** A choice inside the menu (the Into notebook menu, its button) leaves it open for the action it sets up. */
  const isChoice = (target: EventTarget) => !!(target as Element).closest('[aria-haspopup], [role="menu"]')

  useEffect(() => {
    if (!open) return
    const outside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false)
    }
    window.addEventListener('pointerdown', outside)
    return () => window.removeEventListener('pointerdown', outside)
  }, [open])

  return (
    <div ref={box} className="transfer-menu" onKeyDown={(e) => e.key === 'Escape' && open && !(e.target as Element).closest('[role="menu"]') && close()}>
      <button
        ref={button}
        type="button"
        className="transfer-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
      </button>
      {open && (
        // Delegated: whichever action's button was chosen, the menu closes and focus goes back to its button.
        <ul
          ref={placeList}
          id={id}
          className="transfer-options"
          aria-label={menuLabel}
          onClick={(e) => (e.target as Element).closest('button') && !isChoice(e.target) && close()}
        >
          {children}
        </ul>
      )}
    </div>
  )
}
