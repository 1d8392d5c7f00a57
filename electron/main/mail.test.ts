import { readFile, stat, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { MemorySecrets } from '../core/mail/secrets'
import { openLibrary } from '../core/library'
import { openSettings } from '../core/settings'
import { SafeStorageSecrets, openMainMail, secretStoreFor, type SafeStorageLike } from './mail'

const tempDir = useTempDirs()
const fakeKeychain = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (t) => Buffer.from(Buffer.from(t).toString('hex')),
  decryptString: (b) => Buffer.from(b.toString(), 'hex').toString(),
})

it('keeps mail passwords only as the keychain sealed them, in a file only the user can read', async () => {
  const file = join(tempDir(), 'mail-passwords.json')
  const store = new SafeStorageSecrets(fakeKeychain(), file)
  await store.set('gmail-com-1a2b', 'abcd efgh ijkl mnop')
  const text = await readFile(file, 'utf8')
  expect(text).not.toContain('abcd efgh')
  expect((await stat(file)).mode & 0o777).toBe(0o600)
  // A fresh store (the next start) reads it back through the keychain.
  expect(await new SafeStorageSecrets(fakeKeychain(), file).get('gmail-com-1a2b')).toBe('abcd efgh ijkl mnop')
  await store.delete('gmail-com-1a2b')
  expect(await new SafeStorageSecrets(fakeKeychain(), file).get('gmail-com-1a2b')).toBeNull()
})

it('treats a damaged password file as holding nothing, asking again rather than failing', async () => {
  const file = join(tempDir(), 'mail-passwords.json')
  await writeFile(file, '{not json')
  expect(await new SafeStorageSecrets(fakeKeychain(), file).get('x')).toBeNull()
})

it('keeps passwords in memory only when the OS keychain is not available', () => {
  expect(secretStoreFor(fakeKeychain(false), join(tempDir(), 'p.json'))).toBeInstanceOf(MemorySecrets)
  expect(secretStoreFor(fakeKeychain(true), join(tempDir(), 'p.json')).kind).toBe('keychain')
})

it('holds reminders back at most the catch-up limit when a server never answers', async () => {
  // A server that accepts the connection and never sends its greeting.
  const silent = createServer(() => undefined)
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  const port = (silent.address() as AddressInfo).port
  const library = await openLibrary(tempDir())
  try {
    const settings = await openSettings(library.dataDir, false)
    const mail = await openMainMail({ library, settings, secrets: new MemorySecrets(), onChange: () => undefined, catchUpLimitMs: 300 })
    const account = await mail.service.add(
      { host: '127.0.0.1', port, security: 'tls', user: 'me@example.com', auth: { method: 'password', source: { kind: 'keychain' } } },
      'pw',
    )
    const started = Date.now()
    await mail.catchUp()
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(mail.service.entry(account.id).status.state).toBe('connecting')
    await mail.stop()
  } finally {
    silent.close()
    await library.close()
  }
})
