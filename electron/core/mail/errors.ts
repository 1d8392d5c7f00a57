import type { MailErrorKind } from '../../shared/contract-mail'
import { PasswordMissing } from './secrets'

/**
 * A failed check as a sentence naming the account and the cause, and a kind the back-off and the UI
 * act on. Never the raw library message alone: "Command failed" tells the user nothing.
 */
export interface MailFailure {
  kind: MailErrorKind
  message: string
}

export interface AccountName {
  user: string
  host: string
  port: number
  security: 'tls' | 'starttls'
}

const CERT_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'it comes from a self-signed authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not known',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not known',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not known',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another server name',
  CERT_SIGNATURE_FAILURE: 'its signature is wrong',
  CERT_REVOKED: 'it was revoked',
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the port right?)',
  ENOTFOUND: 'the server name was not found',
  EAI_AGAIN: 'the server name could not be looked up (offline?)',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network cannot be reached (offline?)',
  ETIMEDOUT: 'the connection timed out',
  CONNECT_TIMEOUT: 'the connection timed out',
  ECONNRESET: 'the server closed the connection',
  EPIPE: 'the server closed the connection',
  NoConnection: 'the connection was lost',
}

export function describeFailure(error: unknown, a: AccountName): MailFailure {
  const who = `${a.user} on ${a.host}`
  if (error instanceof PasswordMissing) return { kind: 'password-missing', message: `${who}: ${error.message}.` }
  const e = (error ?? {}) as { code?: string; message?: string; authenticationFailed?: boolean; responseText?: string }
  const code = e.code ?? ''
  if (e.authenticationFailed || code === 'AUTHENTICATIONFAILED') {
    const server = e.responseText ? ` (the server said: "${e.responseText.slice(0, 200)}")` : ''
    return {
      kind: 'auth',
      message: `${who}: the server refused the user name or password${server}. Gmail, Outlook and Naver need an app password, not the account's own.`,
    }
  }
  if (CERT_CODES[code]) {
    return {
      kind: 'certificate',
      message: `${who}: the server's certificate does not verify: ${CERT_CODES[code]}. Nothing was sent to it.`,
    }
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
    return {
      kind: 'tls',
      message: `${who}: port ${a.port} does not speak TLS from the first byte; for port 143 choose STARTTLS.`,
    }
  }
  if (code === 'GREETING_TIMEOUT' && a.security === 'starttls') {
    return {
      kind: 'tls',
      message: `${who}: port ${a.port} sent no IMAP greeting; for port 993 choose TLS instead of STARTTLS.`,
    }
  }
  if (NETWORK[code]) return { kind: 'unreachable', message: `${who}:${a.port}: ${NETWORK[code]}.` }
  if (/STARTTLS/i.test(e.message ?? '')) {
    return { kind: 'tls', message: `${who}: the server does not offer STARTTLS, so the password was not sent.` }
  }
  const text = (e.responseText ?? e.message ?? String(error)).split('\n')[0]!.slice(0, 300)
  return { kind: code ? 'protocol' : 'other', message: `${who}: ${text}` }
}

/**
 * Seconds to wait before retry n (1-based): quick at first, then no more than every 15 minutes. A
 * refused password waits longer from the start, so Tickler never locks the account by hammering it.
 * A little jitter keeps several accounts from retrying in step.
 */
export function backoffMs(attempt: number, kind: MailErrorKind, random = Math.random): number {
  const steps = kind === 'auth' || kind === 'password-missing' ? [60, 300, 900] : [5, 15, 60, 300, 900]
  const base = steps[Math.min(Math.max(attempt, 1), steps.length) - 1]! * 1000
  return Math.round(base * (0.9 + 0.2 * random()))
}
