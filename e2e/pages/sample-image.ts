import { crc32, deflateSync } from 'node:zlib'

/** A small landscape PNG drawn in code (sky, sun, two hills), so demo notes have a real picture offline. */
export function samplePictureDataUrl(width = 480, height = 160): string {
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const t = y / height
      let [r, g, b] = [Math.round(150 + 80 * t), Math.round(200 + 30 * t), 245]
      if ((x - width * 0.75) ** 2 + (y - height * 0.35) ** 2 < (height * 0.16) ** 2)
        [r, g, b] = [250, 204, 80]
      const hill1 = height * 0.72 - Math.sin((x / width) * Math.PI * 1.2) * height * 0.22
      const hill2 = height * 0.85 - Math.sin((x / width) * Math.PI * 2 + 1) * height * 0.1
      if (y > hill1) [r, g, b] = [76, 160, 110]
      if (y > hill2) [r, g, b] = [40, 120, 85]
      row.writeUInt8(r, 1 + x * 3)
      row.writeUInt8(g, 2 + x * 3)
      row.writeUInt8(b, 3 + x * 3)
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}
