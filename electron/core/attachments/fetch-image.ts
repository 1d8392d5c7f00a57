import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL, isInlineImage } from '../../shared/domain/attachment'
import { TicklerError } from '../../shared/rpc'
import { BlockedAddressError, guardedLookup, isPublicAddress } from './public-address'

export interface FetchedImage {
  bytes: Uint8Array
  name: string
  mime: string
}

export interface FetchImageOptions {
  maxBytes?: number
  timeoutMs?: number
  /** Which resolved addresses may be connected to; tests that serve images from loopback widen it. */
  addressAllowed?: (ip: string) => boolean
}

/** Redirects followed before giving up; each one is checked like the first address. */
const MAX_REDIRECTS = 5

const refuse = (url: string, why: string): TicklerError =>
  new TicklerError('BAD_INPUT', `The image at ${url} could not be saved: ${why}.`)

/** A readable file name from the URL's last path segment, e.g. ".../logo.png?x=1" → "logo.png". */
function nameFrom(url: URL, mime: string): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '').slice(0, 120)
  if (last && /\.[a-z0-9]{2,5}$/i.test(last)) return last
  return `${last || url.hostname || 'image'}.${mime.split('/')[1] ?? 'img'}`
}

/** One GET, connected only to an address `allowed` accepts; the answer's body is read by the caller. */
function get(url: URL, allowed: (ip: string) => boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  // An address written as digits is connected to without any lookup, so it is checked here.
  if (isIP(host) && !allowed(host)) return Promise.reject(new BlockedAddressError(host))
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const request = send(url, {
      lookup: guardedLookup(allowed),
      signal,
      headers: { accept: 'image/*', 'accept-encoding': 'identity' },
    })
    request.on('response', resolve).on('error', reject).end()
  })
}

/** The web address given, or why it is not one Tickler fetches from. */
function webUrl(raw: string, shown: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw refuse(shown, 'it is not a web address')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(shown, 'only http and https are fetched')
  if (url.username || url.password) throw refuse(shown, 'addresses with a password are not fetched')
  return url
}

/** The final answer after following redirects, each hop's address checked before connecting. */
async function follow(raw: string, allowed: (ip: string) => boolean, signal: AbortSignal) {
  let url = webUrl(raw, raw)
  for (let hop = 0; ; hop++) {
    let response: IncomingMessage
    try {
      response = await get(url, allowed, signal)
    } catch (error) {
      if (error instanceof BlockedAddressError)
        throw refuse(raw, `${hop ? 'it redirects to' : 'it is at'} ${error.message}, which Tickler never fetches from`)
      throw refuse(raw, signal.aborted ? 'the server did not answer in time' : 'the server could not be reached')
    }
    const status = response.statusCode ?? 0
    const location = response.headers.location
    if (status < 300 || status >= 400 || !location) return { url, response }
    response.resume()
    if (hop >= MAX_REDIRECTS) throw refuse(raw, `it redirects more than ${MAX_REDIRECTS} times`)
    url = webUrl(new URL(location, url).href, raw)
  }
}

/**
 * Downloads one pasted web image so the note keeps its own copy: it shows offline, cannot change or vanish
 * later, and opening the note tells no server anything (remote images are how mail trackers work, and the
 * renderer's CSP refuses them). Only http(s), only public addresses (checked after DNS and on every
 * redirect), only raster images, never more than the attachment limit (counted while streaming, so a
 * lying Content-Length cannot get past it), and never longer than the timeout.
 */
export async function fetchImage(raw: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  const { maxBytes = MAX_ATTACHMENT_BYTES, timeoutMs = 20_000, addressAllowed = isPublicAddress } = options
  const signal = AbortSignal.timeout(timeoutMs)
  const { url, response } = await follow(raw, addressAllowed, signal)
  try {
    const status = response.statusCode ?? 0
    if (status < 200 || status >= 300) throw refuse(raw, `the server answered ${status}`)
    const mime = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (!isInlineImage(mime)) throw refuse(raw, `it is not a picture (${mime || 'no type'})`)
    const declared = Number(response.headers['content-length'])
    if (declared > maxBytes) throw refuse(raw, `it is larger than ${MAX_ATTACHMENT_LABEL}`)

    const chunks: Buffer[] = []
    let size = 0
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.byteLength
        if (size > maxBytes) throw refuse(raw, `it is larger than ${MAX_ATTACHMENT_LABEL}`)
        chunks.push(chunk)
      }
    } catch (error) {
      if (error instanceof TicklerError) throw error
      throw refuse(raw, signal.aborted ? 'the server did not answer in time' : 'the download broke off')
    }
    if (size === 0) throw refuse(raw, 'the server sent nothing')
    return { bytes: Buffer.concat(chunks), name: nameFrom(url, mime), mime }
  } finally {
    response.destroy()
  }
}
