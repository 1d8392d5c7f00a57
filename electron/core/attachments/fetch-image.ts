import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL, isInlineImage } from '../../shared/attachment'
import { TicklerError } from '../../shared/rpc'

export interface FetchedImage {
  bytes: Uint8Array
  name: string
  mime: string
}

export interface FetchImageOptions {
  fetchImpl?: typeof fetch
  maxBytes?: number
  timeoutMs?: number
}

const refuse = (url: string, why: string): TicklerError =>
  new TicklerError('BAD_INPUT', `The image at ${url} could not be saved: ${why}.`)

/** A readable file name from the URL's last path segment, e.g. ".../logo.png?x=1" → "logo.png". */
function nameFrom(url: URL, mime: string): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '').slice(0, 120)
  if (last && /\.[a-z0-9]{2,5}$/i.test(last)) return last
  return `${last || url.hostname || 'image'}.${mime.split('/')[1] ?? 'img'}`
}

/**
 * Downloads one pasted web image so the note keeps its own copy: it shows offline, cannot change or vanish
 * later, and opening the note tells no server anything (remote images are how mail trackers work, and the
 * renderer's CSP refuses them). Only http(s), only raster images, never more than the attachment limit
 * (counted while streaming, so a lying Content-Length cannot get past it), and never longer than the timeout.
 */
export async function fetchImage(raw: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  const { fetchImpl = fetch, maxBytes = MAX_ATTACHMENT_BYTES, timeoutMs = 20_000 } = options
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw refuse(raw, 'it is not a web address')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(raw, 'only http and https are fetched')
  if (url.username || url.password) throw refuse(raw, 'addresses with a password are not fetched')

  let response: Response
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    throw refuse(raw, timedOut ? 'the server did not answer in time' : 'the server could not be reached')
  }
  if (!response.ok) throw refuse(raw, `the server answered ${response.status}`)
  const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!isInlineImage(mime)) throw refuse(raw, `it is not a picture (${mime || 'no type'})`)
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) throw refuse(raw, `it is larger than ${MAX_ATTACHMENT_LABEL}`)

  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body?.getReader()
  if (!reader) throw refuse(raw, 'the server sent nothing')
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw refuse(raw, `it is larger than ${MAX_ATTACHMENT_LABEL}`)
    }
    chunks.push(value)
  }
  if (size === 0) throw refuse(raw, 'the server sent nothing')
  return { bytes: Buffer.concat(chunks), name: nameFrom(url, mime), mime }
}
