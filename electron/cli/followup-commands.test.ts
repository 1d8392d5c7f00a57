import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()
// Thursday 6 March 2025, 14:00 in Seoul.
const NOW = '2025-03-06T05:00:00Z'


describe('tickler follow-up commands', () => {
  it('sets a follow-up from a Korean phrase and shows it with the +09:00 offset', async () => {
    const dir = tempDir()
    const base = ['--data-dir', dir, '--tz', 'Asia/Seoul', '--now', NOW]
    const id = JSON.parse((await cli('add', 'Quote for Kim', '--json', ...base)).out).id as string
    const set = await cli(
      'followup',
      id,
      '--at',
      '내일 오후 3시',
      '--waiting-on',
      'Kim',
      '--standard',
      'Sales lead',
      ...base,
    )
    expect(set).toMatchObject({
      code: 0,
      out: `Follow-up set on ${id} Quote for Kim — next follow-up 2025-03-07T15:00:00+09:00`,
    })
    const shown = JSON.parse((await cli('show', id, '--json', '--data-dir', dir, '--tz', 'Asia/Seoul')).out)
    expect(shown.followUp).toEqual({
      dueAt: '2025-03-07T15:00:00+09:00',
      waitingOn: 'Kim',
      owner: null,
      attempt: 1,
      standard: 'sales-lead',
    })
    // The same instant for a user in New York, in their offset.
    const ny = JSON.parse(
      (await cli('show', id, '--json', '--data-dir', dir, '--tz', 'America/New_York')).out,
    )
    expect(ny.followUp.dueAt).toBe('2025-03-07T01:00:00-05:00')
  })

  it('refuses an unreadable phrase with the reason, exits non-zero and saves nothing', async () => {
    const dir = tempDir()
    const base = ['--data-dir', dir, '--tz', 'Asia/Seoul', '--now', NOW]
    const id = JSON.parse((await cli('add', 'x', '--json', ...base)).out).id as string
    const bad = await cli('followup', id, '--at', 'when pigs fly', ...base)
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/Could not read "when pigs fly" as a time/)
    expect(JSON.parse((await cli('show', id, '--json', '--data-dir', dir)).out).followUp).toBeNull()
    expect((await cli('followup', id, ...base)).code).toBe(2)
    expect((await cli('snooze', id, '--for', 'tomorrow', ...base)).err).toMatch(/no pending follow-up/)
  })

  it('lists due items as of --now, snoozes, logs along the cadence and marks done', async () => {
    const dir = tempDir()
    const at = (now: string) => ['--data-dir', dir, '--tz', 'Asia/Seoul', '--now', now]
    const id = JSON.parse((await cli('add', 'Lead', '--json', ...at(NOW))).out).id as string
    await cli('followup', id, '--at', '2h', '--standard', 'sales-lead', ...at(NOW))
    expect(JSON.parse((await cli('due', '--json', ...at(NOW))).out)).toHaveLength(1)
    expect((await cli('due', ...at('2025-03-06T07:00:00Z'))).out).toMatch(
      /2025-03-06 16:00 {2}Lead {2}\(attempt 1 of 5\)$/,
    )
    await cli('snooze', id, '--for', 'tomorrow 9am', ...at(NOW))
    expect((await cli('due', ...at(NOW))).out).toBe('Nothing due today.')
    const logged = JSON.parse((await cli('log', id, '--json', ...at('2025-03-07T00:00:00Z'))).out)
    expect(logged.outcome).toEqual({
      kind: 'next',
      attempt: 2,
      attempts: 5,
      dueAt: '2025-03-10T09:00:00+09:00',
    })
    const done = await cli('done', id, '--json', ...at('2025-03-07T01:00:00Z'))
    expect(JSON.parse(done.out)).toMatchObject({ followUp: null, doneAt: '2025-03-07T10:00:00+09:00' })
    expect((await cli('due', '--json', ...at('2025-04-01T00:00:00Z'))).out).toBe('[]')
  })
})
