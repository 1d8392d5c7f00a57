import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { mountPerTest } from '../test/dom'
import { useSubmit } from './use-submit'

const dom = mountPerTest()

/** Renders the hook and hands back its latest value after every render. */
function mountHook() {
  const latest = {} as { current: ReturnType<typeof useSubmit> }
  function Probe() {
    latest.current = useSubmit()
    return null
  }
  act(() => dom.root.render(<Probe />))
  return latest
}

describe('useSubmit', () => {
  it('is busy while the action runs and refuses a second run meanwhile', async () => {
    const hook = mountHook()
    let finish!: () => void
    let runs = 0
    const action = () => {
      runs++
      return new Promise<void>((resolve) => (finish = resolve))
    }
    let first!: Promise<boolean>
    act(() => void (first = hook.current.run(action)))
    expect(hook.current.busy).toBe(true)
    let second!: boolean
    await act(async () => void (second = await hook.current.run(action)))
    expect(second).toBe(false)
    expect(runs).toBe(1)
    await act(async () => {
      finish()
      expect(await first).toBe(true)
    })
    expect(hook.current.busy).toBe(false)
    expect(hook.current.error).toBeNull()
  })

  it('keeps a failure as the sentence the form shows, and clears it on the next try', async () => {
    const hook = mountHook()
    let ok!: boolean
    await act(async () => {
      ok = await hook.current.run(
        () => Promise.reject(new Error('disk full')),
        (message) => `Could not save: ${message}`,
      )
    })
    expect(ok).toBe(false)
    expect(hook.current.error).toBe('Could not save: disk full')
    expect(hook.current.busy).toBe(false)
    await act(async () => void (await hook.current.run(() => Promise.resolve())))
    expect(hook.current.error).toBeNull()
  })

  it('shows what was thrown when it is not an Error', async () => {
    const hook = mountHook()
    const throwsText = async () => {
      throw 'offline' // eslint-disable-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
    }
    await act(async () => void (await hook.current.run(throwsText)))
    expect(hook.current.error).toBe('offline')
  })
})
