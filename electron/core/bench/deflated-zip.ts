import { once } from 'node:events'
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

/** One file for a deflated zip: its packed bytes with the size and CRC of what they unpack to. */
export interface DeflatedFile {
  path: string
  packed: Buffer
  size: number
  crc: number
}

export const deflated = (path: string, data: Buffer): DeflatedFile => ({
  path,
  packed: deflateRawSync(data),
  size: data.length,
  crc: crc32(data),
})

/** `bytes` zeros, packed as they stream (a gigabyte never sits in memory): the body of a zip bomb. */
export async function deflatedZeros(path: string, bytes: number): Promise<DeflatedFile> {
  const chunk = Buffer.alloc(4 * 1024 * 1024)
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  let crc = 0
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
    crc = crc32(piece, crc)
    if (!deflate.write(piece)) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  return { path, packed: Buffer.concat(out), size: bytes, crc }
}

/** A zip of deflated files (method 8), as zip tools write them; sizes must stay below 4 GiB each. */
export function writeDeflatedZip(files: DeflatedFile[]): Buffer {
  const parts: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const file of files) {
    const name = Buffer.from(file.path, 'utf8')
    const header = (size: number, signature: number) => {
      const b = Buffer.alloc(size)
      b.writeUInt32LE(signature, 0)
      return b
    }
    const local = header(30, 0x04034b50)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(file.crc >>> 0, 14)
    local.writeUInt32LE(file.packed.length, 18)
    local.writeUInt32LE(file.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = header(46, 0x02014b50)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(file.crc >>> 0, 16)
    central.writeUInt32LE(file.packed.length, 20)
    central.writeUInt32LE(file.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    parts.push(local, name, file.packed)
    centrals.push(central, name)
    offset += 30 + name.length + file.packed.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, ...centrals, end])
}
