import { EventEmitter } from 'node:events'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../core/test-support/temp-dir'
import { createElectronNotifier } from './followup-notifier'
import {
  actionFromArgv,
  actionUrl,
  createSigner,
  followUpToastXml,
  loadSignerKey,
  parseActionUrl,
} from './toast-actions'

const tempDir = useTempDirs()
const signer = createSigner(Buffer.alloc(32, 7))

describe('Windows toast actions', () => {
  it('round-trips every action through a signed tickler:// link', () => {
    for (const action of ['open', 'done', 'snooze-hour', 'snooze-tomorrow'] as const) {
      const url = actionUrl(signer, action, 'note_1')
      expect(url).toMatch(new RegExp(`^tickler://followup/${action}\\?id=note_1&sig=`))
      expect(parseActionUrl(signer, url)).toEqual({ action, noteId: 'note_1' })
    }
  })

  it('ignores links it did not write: forged, edited, other key, other actions or ids', () => {
    const done = actionUrl(signer, 'done', 'note_1')
    const other = createSigner(Buffer.alloc(32, 8))
    expect(parseActionUrl(signer, done.replace('note_1', 'note_2'))).toBeNull()
    expect(parseActionUrl(signer, done.replace('/done?', '/snooze-hour?'))).toBeNull()
    expect(parseActionUrl(other, done)).toBeNull()
    expect(parseActionUrl(signer, 'tickler://followup/done?id=note_1')).toBeNull()
    expect(parseActionUrl(signer, 'tickler://followup/delete?id=note_1&sig=x')).toBeNull()
    expect(parseActionUrl(signer, 'https://followup/done?id=note_1')).toBeNull()
    expect(parseActionUrl(signer, 'tickler://followup/done?id=../x&sig=x')).toBeNull()
    expect(parseActionUrl(signer, 'not a url')).toBeNull()
  })

  it('finds the link among the switches Windows starts the app with', () => {
    const url = actionUrl(signer, 'snooze-tomorrow', 'n9')
    expect(actionFromArgv(signer, ['Tickler.exe', '--allow-file-access-from-files', url])).toEqual({
      action: 'snooze-tomorrow',
      noteId: 'n9',
    })
    expect(actionFromArgv(signer, ['Tickler.exe', '--capture'])).toBeNull()
  })

  it('writes toast XML with the note opened on click and three escaped, signed buttons', () => {
    const xml = followUpToastXml(signer, 'n1', {
      title: 'Follow up: <Acme> & "Co"',
      body: 'Waiting on Kim · attempt 2 of 5',
      actions: ['Done', 'Snooze 1 hour', 'Snooze until tomorrow'],
    })
    expect(xml).toContain('<text>Follow up: &lt;Acme&gt; &amp; &quot;Co&quot;</text>')
    expect(xml).not.toContain('<Acme>')
    expect(xml.match(/<action /g)).toHaveLength(3)
    const launch = /<toast activationType="protocol" launch="([^"]+)"/.exec(xml)![1]!.replaceAll('&amp;', '&')
    expect(parseActionUrl(signer, launch)).toEqual({ action: 'open', noteId: 'n1' })
    const args = [...xml.matchAll(/content="([^"]+)" activationType="protocol" arguments="([^"]+)"/g)].map(
      (m) => [m[1], parseActionUrl(signer, m[2]!.replaceAll('&amp;', '&'))?.action],
    )
    expect(args).toEqual([
      ['Done', 'done'],
      ['Snooze 1 hour', 'snooze-hour'],
      ['Snooze until tomorrow', 'snooze-tomorrow'],
    ])
  })

  it('keeps one owner-only key per library, and replaces a damaged one', () => {
    const dir = tempDir()
    const key = loadSignerKey(dir)
    expect(key).toHaveLength(32)
    expect(loadSignerKey(dir).equals(key)).toBe(true)
    if (process.platform !== 'win32') expect(statSync(join(dir, 'notification-key')).mode & 0o777).toBe(0o600)
    writeFileSync(join(dir, 'notification-key'), 'garbage')
    const fresh = loadSignerKey(dir)
    expect(fresh).toHaveLength(32)
    expect(readFileSync(join(dir, 'notification-key'), 'utf8')).toBe(fresh.toString('base64'))
  })

  it('gives a Windows notification the toast XML, and none on Linux', () => {
    const made: { options: { toastXml?: string } }[] = []
    const notifierFor = (platform: string) =>
      createElectronNotifier({
        create: (options) => {
          const n = Object.assign(new EventEmitter(), { options, show: () => undefined })
          made.push(n)
          return n
        },
        platform,
        locale: () => 'ko-KR',
        onOpen: () => undefined,
        onAction: () => undefined,
        toastXml: (noteId, text) => followUpToastXml(signer, noteId, text),
      })
    const item = {
      noteId: 'n1',
      title: '견적',
      dueAt: '2030-01-01T00:00:00Z',
      waitingOn: null,
      attempt: 1,
      attempts: null,
    }
    notifierFor('win32').show({ kind: 'single', item })
    notifierFor('linux').show({ kind: 'single', item })
    expect(made[0]!.options.toastXml).toContain('<action content="완료"')
    expect(made[1]!.options.toastXml).toBeUndefined()
  })
})
