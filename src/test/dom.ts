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

/** Waits, letting React work, until `probe` returns something truthy; fails with the probe's text. */
export async function until<T>(probe: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${probe.toString()}`)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
  }
}
