import { act, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Standard } from '../../../electron/shared/followups/standards'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, typeInto, until } from '../../test/dom'
import { StandardsSettings } from './StandardsSettings'

const dom = mountPerTest()
const openApi = realApiPerTest()

const byName = (name: string) =>
  [...dom.container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  )
const field = (label: string) =>
  [...dom.container.querySelectorAll('label')]
    .find((l) => l.querySelector('span')?.textContent === label)
    ?.querySelector('input, select') as HTMLInputElement

function Harness({ initial, onSeen }: { initial: Standard[]; onSeen: (s: Standard[]) => void }) {
  const [standards, setStandards] = useState(initial)
  return (
    <StandardsSettings
      standards={standards}
      onChanged={(next) => {
        onSeen(next)
        setStandards(next)
      }}
    />
  )
}

async function setup() {
  const real = await openApi()
  let standards = await real.api.followups.standards({})
  const save = vi.spyOn(real.api.followups, 'saveStandard')
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={real.api}>
        <Harness initial={standards} onSeen={(next) => (standards = next)} />
      </ApiContext.Provider>,
    ),
  )
  return { real, save, current: () => standards }
}

describe('StandardsSettings', () => {
  it('edits a standard’s steps and max attempts, and lists the new cadence', async () => {
    const { save, current } = await setup()
    expect(dom.container.textContent).toContain('+2, +5, +10, +20, +30 days · 5 attempts')
    await act(async () => byName('Edit Sales lead')!.click())
    await typeInto(field('Follow up after (from first contact)'), '1 3 7')
    await typeInto(field('Max attempts'), '4')
    await act(async () => byName('Save standard')!.click())
    await until(() => dom.container.querySelector('[role="status"]')?.textContent === 'Saved Sales lead.')
    expect(save).toHaveBeenCalledWith({
      id: 'sales-lead',
      name: 'Sales lead',
      unit: 'days',
      offsets: [1, 3, 7, 11],
      repeat: false,
    })
    expect(current().find((s) => s.id === 'sales-lead')?.offsets).toEqual([1, 3, 7, 11])
    expect(dom.container.textContent).toContain('+1, +3, +7, +11 days · 4 attempts')
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('Saved Sales lead.')
  })

  it('refuses a nameless or out-of-order standard with a reason, and saves nothing', async () => {
    const { save } = await setup()
    await act(async () => byName('+ Add standard')!.click())
    await typeInto(field('Follow up after (from first contact)'), '3, 1')
    await act(async () => byName('Save standard')!.click())
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Give the standard a name (up to 100 characters).',
    )
    await typeInto(field('Name'), 'Hot lead')
    await act(async () => byName('Save standard')!.click())
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Each step must come after the one before it.',
    )
    expect(field('Follow up after (from first contact)').getAttribute('aria-invalid')).toBe('true')
    expect(save).not.toHaveBeenCalled()

    await typeInto(field('Follow up after (from first contact)'), '4')
    await act(async () => byName('Save standard')!.click())
    await until(() => dom.container.querySelector('[role="status"]')?.textContent === 'Saved Hot lead.')
    expect(save).toHaveBeenCalledWith({
      id: 'hot-lead',
      name: 'Hot lead',
      unit: 'days',
      offsets: [4],
      repeat: true,
    })
  })

  it('shows core refusing a delete', async () => {
    const { real } = await setup()
    vi.spyOn(real.api.followups, 'deleteStandard').mockRejectedValue(
      new Error('1 open follow-up runs on this standard; change or finish it first.'),
    )
    await act(async () => byName('Delete Weekly check')!.click())
    await until(() => dom.container.querySelector('[role="alert"]'))
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not change the standard: 1 open follow-up runs on this standard; change or finish it first.',
    )
    expect(dom.container.textContent).toContain('Weekly check')
  })
})
