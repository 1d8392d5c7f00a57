import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import type { Library } from '../types'
import { createFollowUpHandlers } from './handlers'
import { RecordingNotifier } from './scheduler'
import { openFollowUps, type FollowUpService } from './service'
import { FakeTime } from './test-support'

const tempDir = useTempDirs()
const start = new Date('2030-06-03T09:00:00Z')
const open: { fu: FollowUpService; library: Library }[] = []
afterEach(async () => {
  for (const { fu, library } of open.splice(0)) {
    fu.stop()
    await library.close()
  }
})

async function setup() {
  const time = new FakeTime(start)
  const library = await openLibrary(tempDir(), { now: time.now })
  const fu = await openFollowUps(library, {
    clock: time,
    timers: time,
    notifier: new RecordingNotifier(),
    timeZone: () => 'UTC',
  })
  open.push({ fu, library })
  await fu.start()
  return { library, fu, h: createFollowUpHandlers(fu) }
}

describe('follow-up standards through the handlers', () => {
  it('an edited standard drives the next log', async () => {
    const { library, h } = await setup()
    const [sales] = (await h['followups.standards']({})).filter((s) => s.id === 'sales-lead')
    await h['followups.saveStandard']({ ...sales!, offsets: [1, 3], repeat: false })
    const note = await library.createNote({ title: 'Lead' })
    await h['followups.set']({ id: note.id, phrase: '1d', standard: 'sales-lead' })
    const logged = await h['followups.log']({ id: note.id })
    expect(logged.outcome).toEqual({
      kind: 'next',
      attempt: 2,
      attempts: 2,
      dueAt: '2030-06-05T09:00:00+00:00',
    })
    expect((await h['followups.log']({ id: note.id })).outcome).toEqual({
      kind: 'finished',
      attempt: 2,
      attempts: 2,
    })
  })

  it('defaults per notebook and tag: the tag wins, and a deleted standard leaves no dangling default', async () => {
    const { library, h } = await setup()
    const notebook = await library.createNotebook('Sales')
    const note = await library.createNote({ title: 'Acme', notebookId: notebook.id, tags: ['Hot'] })
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: null })
    await h['followups.setDefault']({ scope: 'notebooks', key: notebook.id, standard: 'sales-lead' })
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: 'sales-lead' })
    await h['followups.saveStandard']({
      id: 'hot',
      name: 'Hot lead',
      unit: 'hours',
      offsets: [4],
      repeat: false,
    })
    await h['followups.setDefault']({ scope: 'tags', key: 'HOT', standard: 'hot' })
    expect(await h['followups.defaults']({})).toEqual({
      notebooks: { [notebook.id]: 'sales-lead' },
      tags: { hot: 'hot' },
      boards: {},
    })
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: 'hot' })

    const left = await h['followups.deleteStandard']({ id: 'hot' })
    expect(left.map((s) => s.id)).not.toContain('hot')
    expect((await h['followups.defaults']({})).tags).toEqual({})
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: 'sales-lead' })
    await expect(h['followups.defaultFor']({ id: 'missing' })).rejects.toThrow(/No note/)
  })

  it("a card starts its follow-up with its board's standard, over the notebook's but under a tag's", async () => {
    const { library, h } = await setup()
    const notebook = await library.createNotebook('Accounts')
    const note = await library.createNote({ title: 'Renewal', notebookId: notebook.id })
    await h['followups.setDefault']({ scope: 'notebooks', key: notebook.id, standard: 'weekly-check' })
    await h['followups.setDefault']({ scope: 'boards', key: 'pipeline', standard: 'sales-lead' })
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: 'weekly-check' })

    await library.mutateNote(note.id, (n) => ({
      ...n,
      board: { boardId: 'pipeline', columnId: 'todo', rank: 'm' },
    }))
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: 'sales-lead' })
    const set = await h['followups.set']({ id: note.id, phrase: 'tomorrow' })
    expect(set.followUp?.standard).toBe('sales-lead')

    await h['followups.setDefault']({ scope: 'tags', key: 'urgent', standard: '48-hour-reply' })
    await library.mutateNote(note.id, (n) => ({ ...n, tags: ['Urgent'] }))
    expect(await h['followups.defaultFor']({ id: note.id })).toEqual({ standard: '48-hour-reply' })
  })

  it('refuses to delete a standard an open follow-up runs on, or one that does not exist', async () => {
    const { library, h } = await setup()
    const note = await library.createNote({ title: 'Weekly' })
    await h['followups.set']({ id: note.id, phrase: '2h', standard: 'weekly-check' })
    await expect(h['followups.deleteStandard']({ id: 'weekly-check' })).rejects.toThrow(
      /1 open follow-up runs/,
    )
    expect((await h['followups.standards']({})).map((s) => s.id)).toContain('weekly-check')
    await h['followups.done']({ id: note.id })
    await h['followups.deleteStandard']({ id: 'weekly-check' })
    await expect(h['followups.deleteStandard']({ id: 'weekly-check' })).rejects.toThrow(
      /no follow-up standard/,
    )
  })
})
