import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, beforeEach } from 'vitest'
import { initI18n } from '../lib/i18n'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

/** A fresh React root in the document for every test of the file, unmounted after it; English strings. */
export function mountPerTest(): { container: HTMLDivElement; root: Root } {
  const dom = {} as { container: HTMLDivElement; root: Root }
  beforeAll(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true
    initI18n('en')
  })
  beforeEach(() => {
    dom.container = document.createElement('div')
    document.body.append(dom.container)
    dom.root = createRoot(dom.container)
  })
  afterEach(async () => {
    await act(async () => dom.root.unmount())
    dom.container.remove()
  })
  return dom
}

type Falsy = null | undefined | false | '' | 0

/**
 * Waits, letting React work, until `probe` gives something truthy; fails with the probe's text. The probe
 * may be async (a question to core), and is then awaited each round.
 */
export async function until<T>(probe: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${probe.toString()}`)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
  }
}

/** An element's accessible name as these tests need it: aria-label, else its text without aria-hidden parts. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label')
  if (label !== null) return label
  const copy = element.cloneNode(true) as Element
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? ''
}

/** The first element matching `selector` (buttons by default) whose accessible name is `name`. */
export function byName<T extends HTMLElement = HTMLButtonElement>(
  name: string,
  selector = 'button',
  root: ParentNode = document,
): T | undefined {
  return [...root.querySelectorAll<T>(selector)].find((el) => accessibleName(el) === name)
}

/** What typing does to a controlled field: set the DOM value, then fire the event React listens to. */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  // React watches the instance's value property; the prototype's setter changes the DOM behind its back.
  Reflect.set(Object.getPrototypeOf(field) as object, 'value', value, field)
  await act(async () => void field.dispatchEvent(new Event('input', { bubbles: true })))
}

/** A key press on `target` (keydown only: what React and dnd-kit listen to). */
export async function press(target: Element, key: string, code = key) {
  await act(async () => void target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true })))
}

/**
 * jsdom has <dialog> but not showModal(); the app's dialogs only need open/close and the close event.
 * Installed once per file that renders a dialog.
 */
export function supportDialogs() {
  const proto = HTMLDialogElement.prototype
  if (typeof proto.showModal === 'function') return
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.open) return
    this.open = false
    this.dispatchEvent(new Event('close'))
  }
}
