import type { SeenCertificate } from './connection'

/**
 * Certificates servers showed lately, kept in memory only: "Trust" may trust only a certificate the user
 * was just shown (by a connection test, or by an account's last failed check), never one typed in.
 */
export class ShownCertificates {
  private readonly byFingerprint = new Map<string, SeenCertificate>()
  private readonly lastFailed = new Map<string, string>()

  /** Remembers a certificate a test or check showed; with an account id, as that account's last failure's. */
  remember(certificate: SeenCertificate, accountId?: string): void {
    this.byFingerprint.set(certificate.info.fingerprint, certificate)
    if (accountId) this.lastFailed.set(accountId, certificate.pem)
  }

  find(fingerprint: string): SeenCertificate | null {
    return this.byFingerprint.get(fingerprint) ?? null
  }

  /** The PEM the account's server showed at its last failed check. */
  failedPem(accountId: string): string | null {
    return this.lastFailed.get(accountId) ?? null
  }
}
