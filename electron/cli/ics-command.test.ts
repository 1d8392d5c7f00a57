import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()
const NOW = '2025-03-06T05:00:00Z'


describe('tickler ics', () => {
  it('prints open follow-ups as an iCalendar with CRLF lines, or writes them to --out', async () => {
    const dir = tempDir()
    const base = ['--data-dir', dir, '--tz', 'Asia/Seoul', '--now', NOW]
    const id = JSON.parse((await cli('add', '김민준 견적, 회신', '--json', ...base)).out).id as string
    const other = JSON.parse((await cli('add', 'Finished thing', '--json', ...base)).out).id as string
    expect((await cli('followup', id, '--at', '내일 오후 3시', '--waiting-on', '김민준', ...base)).code).toBe(
      0,
    )
    expect((await cli('followup', other, '--at', '2d', ...base)).code).toBe(0)
    expect((await cli('done', other, ...base)).code).toBe(0)

    const printed = await cli('ics', ...base)
    expect(printed.code).toBe(0)
    const lines = printed.out.split('\r\n')
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines).toContain(`UID:${id}@tickler`)
    expect(lines).toContain('DTSTART:20250307T060000Z')
    expect(lines).toContain('SUMMARY:김민준 견적\\, 회신')
    expect(lines).toContain('DESCRIPTION:Waiting on 김민준')
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1)

    const file = join(tempDir(), 'feed.ics')
    const written = await cli('ics', '--out', file, ...base)
    expect(written).toMatchObject({ code: 0, out: `Wrote 1 follow-up to ${file}` })
    expect(readFileSync(file, 'utf8')).toBe(printed.out)
  })

  it.each(['/etc/tickler-followups.ics', '/usr/local/feed.ics', '/'])(
    'refuses to write into a system folder (%s)',
    async (out) => {
      const dir = tempDir()
      const result = await cli('ics', '--out', out, '--data-dir', dir)
      expect(result.code).toBe(1)
      expect(result.err).toMatch(/^tickler: Not written: .* is a system folder; Tickler writes its files only into your own folders\./)
      if (out !== '/') expect(existsSync(out)).toBe(false)
    },
  )

  it('refuses a folder that is a link to a system folder', async () => {
    const dir = tempDir()
    const link = join(tempDir(), 'innocent')
    symlinkSync('/etc', link)
    const result = await cli('ics', '--out', join(link, 'tickler-followups.ics'), '--data-dir', dir)
    expect(result).toMatchObject({ code: 1, err: expect.stringMatching(/is a system folder/) as string })
    expect(existsSync('/etc/tickler-followups.ics')).toBe(false)
  })

  it('fails with a reason when --out points into a missing folder', async () => {
    const dir = tempDir()
    const result = await cli('ics', '--out', join(dir, 'missing', 'feed.ics'), '--data-dir', dir)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^tickler: .*ENOENT/)
  })
})
