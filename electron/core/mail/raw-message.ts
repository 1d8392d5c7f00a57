/** Raw RFC 5322 messages for the tests and the bench, written as a mail program would. */
export interface RawMessage {
  from?: string
  to?: string
  cc?: string
  bcc?: string
  subject?: string
  messageId?: string | null
  inReplyTo?: string
  references?: string
  date?: Date
  body?: string
  extraHeaders?: string[]
}

export function rawMessage(m: RawMessage): string {
  const lines = [
    `From: ${m.from ?? 'Me <me@example.com>'}`,
    `To: ${m.to ?? 'Kim Minsu <kim@client.example>'}`,
    ...(m.cc ? [`Cc: ${m.cc}`] : []),
    ...(m.bcc ? [`Bcc: ${m.bcc}`] : []),
    `Subject: ${m.subject ?? 'Quote for 200 units'}`,
    `Date: ${(m.date ?? new Date()).toUTCString()}`,
    ...(m.messageId === null ? [] : [`Message-ID: ${m.messageId ?? `<${Math.random().toString(36).slice(2)}@mail.example>`}`]),
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    ...(m.extraHeaders ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.body ?? 'Hello,\r\nhere is the quote.',
    '',
  ]
  return lines.join('\r\n')
}
