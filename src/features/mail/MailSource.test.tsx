import { act } from 'react'
import { expect, it, vi } from 'vitest'
import type { Note } from '../../../electron/shared/model'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, until } from '../../test/dom'
import { createFakeTickler } from '../../test/fake-tickler'
import { MailSource } from './MailSource'

const dom = mountPerTest()

async function mount(openWith: 'mail-app' | 'web' | null, opened = true) {
  const fake = createFakeTickler()
  const created = await fake.api.notes.create({ notebookId: 'inbox', title: 'Quote for 200 units' })
  const note: Note = {
    ...created,
    mail: {
      kind: 'sent',
      accountId: 'example-com-1a2b',
      messageId: '<quote-1@mail.example>',
      threadId: null,
      folder: 'Sent',
      from: { name: 'Me', address: 'me@example.com' },
      to: [{ name: 'Kim Minsu', address: 'kim@client.example' }],
      sentAt: '2026-12-07T09:00:00.000Z',
      trackedDueAt: '2026-12-09T09:00:00.000Z',
      reply: {
        name: 'Kim Minsu',
        address: 'kim@client.example',
        at: '2026-12-07T11:30:00.000Z',
        messageId: null,
        closedFollowUp: true,
      },
      remarks: [],
    },
  }
  vi.spyOn(fake.api.mail, 'linkInfo').mockResolvedValue({
    messageId: '<quote-1@mail.example>',
    account: 'me@example.com',
    openWith,
  })
  const open = vi.spyOn(fake.api.mail, 'openMessage').mockResolvedValue({ opened, openWith })
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={fake.api}>
        <MailSource note={note} />
      </ApiContext.Provider>,
    ),
  )
  return { note, open }
}
const button = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent === name)

it('shows the account, Message-ID and reply, and asks main to open the message by the note alone', async () => {
  const { note, open } = await mount('mail-app')
  const openButton = await until(() => button('Open in mail'))
  const text = dom.container.textContent
  expect(text).toContain('From mail you sent · via me@example.com · To Kim Minsu')
  expect(text).toContain('Message-ID: <quote-1@mail.example>')
  expect(text).toMatch(/Replied by Kim Minsu, /)
  await act(async () => openButton.click())
  // Only the note's id goes to main; the link is built there from the stored Message-ID.
  expect(open).toHaveBeenCalledWith({ noteId: note.id })
  expect(dom.container.querySelector('[role="alert"]')).toBeNull()
})

it('offers Gmail for a Gmail account, and says so when the message could not be opened', async () => {
  await mount('web', false)
  const openButton = await until(() => button('Open in Gmail'))
  await act(async () => openButton.click())
  await until(
    () => dom.container.querySelector('[role="alert"]')?.textContent === 'The message could not be opened.',
  )
})

it('says no mail program can open it instead of showing a button that does nothing', async () => {
  await mount(null)
  await until(() =>
    dom.container.textContent?.includes('No mail program on this computer opens message links'),
  )
  expect(button('Open in mail')).toBeUndefined()
})
