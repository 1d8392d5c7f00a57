import { describe } from 'vitest'
import { dovecotMissing } from './dovecot-server'

export * from './dovecot-server'

/** A describe block that runs against a real Dovecot, or is skipped with the reason in its name. */
export function describeWithDovecot(name: string, body: () => void): void {
  const missing = dovecotMissing()
  if (missing) describe.skip(`${name} (skipped: ${missing})`, body)
  else describe(name, body)
}
