// What a label printer would print, turned back into an image: the ZPL a Zebra gets (the
// ~DG graphic CUPS's rastertolabel sends), the raster lines of a Brother QL (ptouch driver) or
// a DYMO LabelWriter. Each decoder follows the printer's own command set, so a driver that sent
// a blank, scaled or cropped label decodes to exactly that.
import { writeFile } from 'node:fs/promises'
import { PNG } from 'pngjs'

export interface Bitmap {
  /** dots */
  width: number
  height: number
  /** one byte per dot: 1 black */
  dots: Uint8Array
}

export function blackAt(b: Bitmap, x: number, y: number): boolean {
  const xi = Math.round(x)
  const yi = Math.round(y)
  return xi >= 0 && yi >= 0 && xi < b.width && yi < b.height && b.dots[yi * b.width + xi] === 1
}

function fromRows(rows: Uint8Array[], bytesPerRow: number): Bitmap {
  const width = bytesPerRow * 8
  const dots = new Uint8Array(width * rows.length)
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) dots[y * width + x] = (row[x >> 3]! >> (7 - (x & 7))) & 1
  })
  return { width, height: rows.length, dots }
}

const HEX = '0123456789ABCDEF'

/**
 * ZPL's ~DG graphic in its compressed hex: G–Y repeat the next digit 1–19 times, g–z 20–400
 * times (counts add up), ',' ends the row with 0s, '!' with 1s, ':' repeats the row before.
 */
export function decodeZplGraphic(zpl: string): { bitmap: Bitmap; printWidth: number | null } {
  const head = /~DG[^,]*,(\d+),(\d+),/.exec(zpl)
  if (!head) throw new Error('no ~DG graphic in the ZPL')
  const total = Number(head[1])
  const bpr = Number(head[2])
  const nibblesPerRow = bpr * 2
  const start = head.index + head[0].length
  const end = zpl.slice(start).search(/[\^~]/)
  const data = zpl.slice(start, end < 0 ? undefined : start + end)
  const rows: Uint8Array[] = []
  let nibbles: number[] = []
  let repeat = 0
  const endRow = () => {
    const row = new Uint8Array(bpr)
    for (let i = 0; i < bpr; i++) row[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0)
    rows.push(row)
    nibbles = []
  }
  for (const ch of data) {
    if (ch === '\r' || ch === '\n' || ch === ' ') continue
    if (ch >= 'G' && ch <= 'Y') repeat += ch.charCodeAt(0) - 'G'.charCodeAt(0) + 1
    else if (ch >= 'g' && ch <= 'z') repeat += (ch.charCodeAt(0) - 'g'.charCodeAt(0) + 1) * 20
    else if (ch === ',' || ch === '!') {
      while (nibbles.length < nibblesPerRow) nibbles.push(ch === ',' ? 0 : 15)
      endRow()
    } else if (ch === ':') {
      if (nibbles.length > 0) throw new Error('":" inside a row')
      rows.push(new Uint8Array(rows[rows.length - 1] ?? new Uint8Array(bpr)))
    } else {
      const v = HEX.indexOf(ch.toUpperCase())
      if (v < 0) throw new Error(`unexpected ${JSON.stringify(ch)} in the ~DG data`)
      for (let i = 0; i < Math.max(1, repeat); i++) nibbles.push(v)
      repeat = 0
      while (nibbles.length >= nibblesPerRow) {
        const rest = nibbles.slice(nibblesPerRow)
        nibbles = nibbles.slice(0, nibblesPerRow)
        endRow()
        nibbles = rest
      }
    }
  }
  if (rows.length * bpr !== total) throw new Error(`~DG says ${total} bytes, the data holds ${rows.length * bpr}`)
  const pw = /\^PW(\d+)/.exec(zpl)
  return { bitmap: fromRows(rows, bpr), printWidth: pw ? Number(pw[1]) : null }
}

export async function writePng(b: Bitmap, path: string, scale = 1): Promise<void> {
  const png = new PNG({ width: b.width * scale, height: b.height * scale })
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const v = b.dots[Math.floor(y / scale) * b.width + Math.floor(x / scale)] ? 0 : 255
      const i = (y * png.width + x) * 4
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v
      png.data[i + 3] = 255
    }
  await writeFile(path, PNG.sync.write(png))
}
