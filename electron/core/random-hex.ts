import { randomBytes } from 'node:crypto'

const POOL_BYTES = 4096
let pool = Buffer.alloc(0)
let used = 0

/**
 * `bytes` random bytes as lower-case hex, cut from a block drawn from the crypto generator a few
 * thousand bytes at a time: an import names two files a note, and one call into the generator for
 * each name cost more than writing the note's file.
 */
export function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, bytes))
    used = 0
  }
  const hex = pool.toString('hex', used, used + bytes)
  used += bytes
  return hex
}
