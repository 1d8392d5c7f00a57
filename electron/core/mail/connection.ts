import { X509Certificate } from 'node:crypto'
import { isIP, connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect, rootCertificates, type ConnectionOptions } from 'node:tls'
import { ImapFlow, type ImapFlowOptions } from 'imapflow'
import type { MailCertificate } from '../../shared/contract-mail'
import type { MailAccount } from './accounts'

/** A connection's timings: short enough that an unreachable server is reported quickly. */
export interface Timings {
  connectionTimeout: number
  greetingTimeout: number
  socketTimeout: number
  /** IDLE is restarted this often, which also notices a connection that died silently. */
  maxIdleTime: number
}
export const DEFAULT_TIMINGS: Timings = {
  connectionTimeout: 20_000,
  greetingTimeout: 16_000,
  socketTimeout: 5 * 60_000,
  maxIdleTime: 4 * 60_000,
}

/**
 * TLS as the account asks: certificates verified against the system's authorities, plus the one
 * certificate the user chose to trust for this server (it is then its own authority; the server name
 * is still checked). Verification is never turned off.
 */
export function tlsOptions(a: Pick<MailAccount, 'host' | 'trustedCertificate'>): ConnectionOptions {
  return {
    ...(a.trustedCertificate ? { ca: [...rootCertificates, a.trustedCertificate.pem] } : {}),
    ...(isIP(a.host) ? {} : { servername: a.host }),
    minVersion: 'TLSv1.2',
  }
}

export function openClient(a: MailAccount, pass: string, timings: Timings = DEFAULT_TIMINGS): ImapFlow {
  const options: ImapFlowOptions = {
    host: a.host,
    port: a.port,
    secure: a.security === 'tls',
    // STARTTLS is required, never optional: the password is not sent over a plain connection.
    ...(a.security === 'starttls' ? { doSTARTTLS: true } : {}),
    auth: { user: a.user, pass },
    tls: tlsOptions(a),
    logger: false,
    clientInfo: { name: 'Tickler' },
    disableAutoIdle: true,
    connectionTimeout: timings.connectionTimeout,
    greetingTimeout: timings.greetingTimeout,
    socketTimeout: timings.socketTimeout,
    maxIdleTime: timings.maxIdleTime,
  }
  return new ImapFlow(options)
}

export interface SeenCertificate {
  info: MailCertificate
  pem: string
}

export function describeCertificate(pem: string): SeenCertificate {
  const x = new X509Certificate(pem)
  return {
    pem: x.toString(),
    info: { fingerprint: x.fingerprint256, subject: x.subject, issuer: x.issuer, validTo: x.validTo },
  }
}

/** Reads a --ca file: the first certificate in it, to trust for this account. */
export function certificateFromPem(text: string): SeenCertificate {
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)
  if (!first) throw new Error('the file holds no PEM certificate')
  return describeCertificate(first[0])
}

/**
 * The certificate a server presents, fetched without trusting it and without sending anything but
 * (for STARTTLS) the STARTTLS command, so the user can decide whether to trust it.
 */
export async function probeCertificate(
  a: Pick<MailAccount, 'host' | 'port' | 'security'>,
  timeoutMs = 10_000,
): Promise<SeenCertificate | null> {
  let socket: Socket | undefined
  const timer = setTimeout(() => socket?.destroy(), timeoutMs)
  try {
    const plain = a.security === 'starttls' ? await startTls(a.host, a.port, (s) => (socket = s)) : undefined
    const raw = await new Promise<Buffer | null>((resolve) => {
      const tls = tlsConnect({
        ...(plain ? { socket: plain } : { host: a.host, port: a.port }),
        ...(isIP(a.host) ? {} : { servername: a.host }),
        // Only to read the certificate; this connection carries no credentials and is closed at once.
        rejectUnauthorized: false,
      })
      socket = tls
      tls.once('secureConnect', () => {
        const cert = tls.getPeerCertificate(false)
        resolve(cert?.raw ?? null)
        tls.destroy()
      })
      tls.once('error', () => resolve(null))
      tls.once('close', () => resolve(null))
    })
    if (!raw) return null
    return describeCertificate(new X509Certificate(raw).toString())
  } catch {
    return null
  } finally {
    clearTimeout(timer)
    socket?.destroy()
  }
}

/** Greeting, "a STARTTLS", its OK: the plain socket ready for the TLS handshake. */
function startTls(host: string, port: number, track: (s: Socket) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = netConnect(port, host)
    track(s)
    let buffer = ''
    let sent = false
    s.setEncoding('latin1')
    s.on('data', (chunk: string) => {
      buffer += chunk
      if (!sent && buffer.includes('\n')) {
        sent = true
        buffer = ''
        s.write('a STARTTLS\r\n')
      } else if (sent && /^a OK/m.test(buffer)) {
        s.removeAllListeners('data')
        resolve(s)
      } else if (sent && /^a (NO|BAD)/m.test(buffer)) reject(new Error('STARTTLS refused'))
    })
    s.once('error', reject)
    s.once('close', () => reject(new Error('closed')))
  })
}
